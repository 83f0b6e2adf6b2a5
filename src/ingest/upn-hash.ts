import { createHmac, hash } from 'node:crypto';

/** The SSDA903 "UPN unknown" reasons (UN1–UN5): not a pupil number, so never hashed or compared. */
const UPN_UNKNOWN = /^UN[1-5]$/i;

/** SHA-256's block size in bytes (B in RFC 2104). */
const BLOCK = 64;
/** SHA-256's digest size in bytes (L in RFC 2104). */
const DIGEST = 32;
/**
 * The longest upper-cased UPN, in UTF-16 code units, that the prepared buffer takes; a longer one (no real
 * UPN: they are 13 characters) goes through createHmac. UTF-8 takes at most 3 bytes per code unit, so a
 * string of at most this many units always fits: the guard is a length comparison, not a byte count.
 */
const MAX_UNITS = 64;

/**
 * HMAC-SHA-256 state for one key, prepared once (RFC 2104): `inner` is K ⊕ ipad followed by room for the
 * message, `outer` is K ⊕ opad followed by room for the inner digest, `digest` receives the result; all
 * reused call after call (upnHash is synchronous). `innerViews[n]` is `inner` up to a message of n bytes,
 * made once per length.
 */
interface HmacPads {
  readonly keyBytes: Buffer;
  readonly inner: Buffer;
  readonly innerViews: Buffer[];
  readonly outer: Buffer;
  readonly digest: Buffer;
}

/** The key as one SHA-256 block (RFC 2104 §2): a key longer than a block is hashed first; zero-padded. */
function keyBlock(keyBytes: Buffer): Buffer {
  const block = Buffer.alloc(BLOCK);
  (keyBytes.length > BLOCK ? hash('sha256', keyBytes, 'buffer') : keyBytes).copy(block);
  return block;
}

/** A buffer starting with the key block XOR `pad` (0x36 ipad, 0x5c opad), with `room` bytes after it. */
function padded(block: Buffer, pad: number, room: number): Buffer {
  const out = Buffer.alloc(BLOCK + room);
  for (let i = 0; i < BLOCK; i++) out[i] = block[i]! ^ pad;
  return out;
}

/** The ipad and opad blocks for a key given as text (UTF-8, as createHmac reads a string key). */
function hmacPads(key: string): HmacPads {
  const keyBytes = Buffer.from(key, 'utf8');
  const block = keyBlock(keyBytes);
  return {
    keyBytes,
    inner: padded(block, 0x36, MAX_UNITS * 3),
    innerViews: [],
    outer: padded(block, 0x5c, DIGEST),
    digest: Buffer.alloc(DIGEST),
  };
}

/** The last key used and its pads: a CIN file hashes all its UPNs with one key. */
let lastKey: string | null = null;
let lastPads: HmacPads | null = null;

function padsFor(key: string): HmacPads {
  if (key !== lastKey || lastPads === null) {
    lastPads = hmacPads(key);
    lastKey = key;
  }
  return lastPads;
}

/**
 * SHA-256 of `data` written into `into` at `offset`. `crypto.hash` gives the digest as a 'binary' (latin1)
 * string, one character per byte, lossless, written back in place: on Node 20 that is several times cheaper
 * than asking for a new Buffer ('buffer' output), which costs about as much as the Hmac object it replaces.
 */
function sha256Into(data: Buffer, into: Buffer, offset: number): void {
  into.write(hash('sha256', data, 'binary'), offset, 'binary');
}

/**
 * HMAC-SHA-256 of a string (UTF-8) as H(K ⊕ opad ‖ H(K ⊕ ipad ‖ text)), standard HMAC (RFC 2104), from two
 * one-shot digests: `crypto.hash` skips the Hmac object Node sets up, updates and finalises on every
 * createHmac call, which costs more than the hashing itself for a 13-character UPN. A text too long for the
 * prepared buffer goes through createHmac. The result may be `pads.digest`, overwritten by the next call:
 * read it at once.
 */
function hmacSha256(pads: HmacPads, text: string): Buffer {
  if (text.length > MAX_UNITS) return createHmac('sha256', pads.keyBytes).update(text, 'utf8').digest();
  const { inner, innerViews, outer, digest } = pads;
  const n = inner.write(text, BLOCK, 'utf8');
  sha256Into((innerViews[n] ??= inner.subarray(0, BLOCK + n)), outer, BLOCK);
  sha256Into(outer, digest, 0);
  return digest;
}

/**
 * A UPN as stored: a keyed hash (HMAC-SHA-256, first 32 hex characters), never the UPN itself (inputs.md §7).
 * An unknown-UPN reason code (UN1–UN5) is no UPN: null, so children sharing one are not matched (`X-UPN`).
 * @example upnHash('A123456789012', 'secret').length //=> 32
 */
export function upnHash(upn: string | null, key: string): string | null {
  if (upn === null || UPN_UNKNOWN.test(upn.trim())) return null;
  // The first 16 bytes as hex: a string of its own, not a slice holding on to the whole 64-character digest.
  return hmacSha256(padsFor(key), upn.toUpperCase()).toString('hex', 0, 16);
}
