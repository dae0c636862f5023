/** React Router's server build, a virtual module of its Vite plugin (typed where it is used). */
declare module "virtual:react-router/server-build";
