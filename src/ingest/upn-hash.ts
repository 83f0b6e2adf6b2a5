import { createHmac } from 'node:crypto';

/** The SSDA903 "UPN unknown" reasons (UN1–UN5): not a pupil number, so never hashed or compared. */
const UPN_UNKNOWN = /^UN[1-5]$/i;

/**
 * A UPN as stored: a keyed hash (HMAC-SHA-256, first 32 hex characters), never the UPN itself (inputs.md §7).
 * An unknown-UPN reason code (UN1–UN5) is no UPN: null, so children sharing one are not matched (`X-UPN`).
 * @example upnHash('A123456789012', 'secret').length //=> 32
 */
export function upnHash(upn: string | null, key: string): string | null {
  if (upn === null || UPN_UNKNOWN.test(upn.trim())) return null;
  // The first 16 bytes as hex: a string of its own, not a slice holding on to the whole 64-character digest.
  return createHmac('sha256', key).update(upn.toUpperCase()).digest().toString('hex', 0, 16);
}
