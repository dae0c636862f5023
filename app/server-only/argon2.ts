// Stands in for @node-rs/argon2 in the browser bundle. Route modules import services that
// reach the password hasher; their server-only code is removed from the client bundle, but
// the bundler resolves imports before removing them, and the native package has no browser
// build. Calling this in a browser is a bug.
const serverOnly = (): never => {
  throw new Error("password hashing runs on the server only");
};
export const hash = serverOnly;
export const verify = serverOnly;
