import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import type { Db } from "../../db/client.server.ts";
import { clearHits, countHit, pruneRateCounters, takeBackHit } from "../../db/rateCounters.server.ts";

/**
 * Sign-in throttling on `rate_counters`: fixed 15-minute windows, one per e-mail and one per
 * client address. Every attempt is counted before its password is checked, by one atomic upsert
 * per key, so parallel attempts each see their own count and none slips past a limit.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Guesses at one account, from anywhere (rotating addresses does not help). */
export const SIGN_IN_LIMIT_PER_EMAIL = 5;
/** Failures from one address, across accounts (password spraying). */
export const SIGN_IN_LIMIT_PER_ADDRESS = 20;
/** Ended windows are deleted when a limit is first passed, and otherwise on every Nth attempt. */
const PRUNE_EVERY = 100;
let attemptsSincePrune = 0;

/**
 * The e-mail is kept as a hash: people type passwords into the e-mail field, and the table
 * should not hold them (the key stays short, too).
 */
const emailKey = (email: string) => `signin:email:${createHash("sha256").update(email).digest("hex")}`;
const addressKey = (address: string) => `signin:address:${addressBucket(address)}`;

/**
 * The bucket an address counts in: an IPv4 address itself (also when written IPv4-mapped, as a
 * dual-stack socket gives it), an IPv6 address by its /64, which one host or home usually has
 * whole: counting single IPv6 addresses would let one client rotate past the limit.
 */
export function addressBucket(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(plain)) return plain || "unknown";
  const [head = "", tail] = plain.split("::");
  const groupsOf = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const front = groupsOf(head);
  const back = tail === undefined ? [] : groupsOf(tail);
  const groups = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export interface SignInAttempt {
  throttled: boolean;
  /** After a successful sign-in: its e-mail's failures are forgotten, its address hit taken back. */
  succeeded(): Promise<void>;
}

/**
 * Counts one sign-in attempt for the e-mail and the address, before the password is checked.
 * `address` must be the real client address (Express's req.ip, behind a proxy only when
 * KOMPASS_TRUST_PROXY says so), never a header the client writes.
 *
 * A success clears the e-mail's counter (only the password's owner can do that), but takes back
 * only its own hit from the address's: the address limit so counts failures only, and many
 * colleagues behind one municipal NAT address can all sign in, while someone who owns one
 * account cannot reset the address's counter by signing in to it between guesses at others.
 * Throttled attempts count too, so a window is not lengthened but a flood is not forgotten.
 */
export async function countSignInAttempt(db: Db, email: string, address: string): Promise<SignInAttempt> {
  const keys = { email: emailKey(email), address: addressKey(address) };
  const [byEmail, byAddress] = await Promise.all([
    countHit(db, keys.email, SIGN_IN_WINDOW_MS),
    countHit(db, keys.address, SIGN_IN_WINDOW_MS),
  ]);
  const firstOver = byEmail.hits === SIGN_IN_LIMIT_PER_EMAIL + 1 || byAddress.hits === SIGN_IN_LIMIT_PER_ADDRESS + 1;
  if (firstOver || ++attemptsSincePrune >= PRUNE_EVERY) {
    attemptsSincePrune = 0;
    await pruneRateCounters(db);
  }
  return {
    throttled: byEmail.hits > SIGN_IN_LIMIT_PER_EMAIL || byAddress.hits > SIGN_IN_LIMIT_PER_ADDRESS,
    succeeded: async () => {
      await Promise.all([clearHits(db, [keys.email]), takeBackHit(db, keys.address)]);
    },
  };
}
