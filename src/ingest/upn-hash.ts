import { createHmac } from 'node:crypto';

/**
 * A UPN as stored: a keyed hash (HMAC-SHA-256, first 32 hex characters), never the UPN itself (inputs.md §7).
 * @example upnHash('A123456789012', 'secret').length //=> 32
 */
export function upnHash(upn: string | null, key: string): string | null {
  if (upn === null) return null;
  return createHmac('sha256', key).update(upn.toUpperCase()).digest('hex').slice(0, 32);
}
