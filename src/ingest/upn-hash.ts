import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** The SSDA903 "UPN unknown" reasons (UN1–UN5): not a pupil number, so never hashed or compared. */
const UPN_UNKNOWN = /^UN[1-5]$/i;

/** The last key used, as a KeyObject: HMAC with a ready KeyObject skips importing the key on every call. */
let lastKey: string | null = null;
let lastKeyObject: KeyObject | null = null;

function keyObject(key: string): KeyObject {
  if (key !== lastKey || lastKeyObject === null) {
    lastKeyObject = createSecretKey(Buffer.from(key, 'utf8'));
    lastKey = key;
  }
  return lastKeyObject;
}

/**
 * A UPN as stored: a keyed hash (HMAC-SHA-256, first 32 hex characters), never the UPN itself (inputs.md §7).
 * An unknown-UPN reason code (UN1–UN5) is no UPN: null, so children sharing one are not matched (`X-UPN`).
 * @example upnHash('A123456789012', 'secret').length //=> 32
 */
export function upnHash(upn: string | null, key: string): string | null {
  if (upn === null || UPN_UNKNOWN.test(upn.trim())) return null;
  // The first 16 bytes as hex: a string of its own, not a slice holding on to the whole 64-character digest.
  return createHmac('sha256', keyObject(key)).update(upn.toUpperCase()).digest().toString('hex', 0, 16);
}
