/*
 * The browser's sync area and what it allows. Chrome and Firefox give an extension the same
 * `storage.sync` quotas; Chrome also limits how often it may write. Exceeding any of them makes
 * the write fail as a whole, so we count before we write, the way Chrome counts.
 */

/** The hard limits of `storage.sync` (chrome.storage.sync.*, the same numbers in Firefox). */
export const SYNC_QUOTA = {
  /** All items together: 100 KiB. */
  bytes: 102_400,
  /** One item (its key and its JSON). */
  bytesPerItem: 8_192,
  items: 512,
  /** Chrome only: every set, remove or clear counts one, whatever it holds. */
  writesPerHour: 1_800,
  writesPerMinute: 120,
} as const;

/**
 * Room we leave for the reader's settings (linkSettings and whatever joins it later) so that
 * saving a setting never fails because highlights took everything: a settings value is about
 * 150 bytes today. Highlights get the rest.
 */
export const RESERVED_FOR_SETTINGS = { bytes: 2_048, items: 8 } as const;

/**
 * Bytes one character of a JSON text takes as Chrome counts it (extensions/browser/api/storage/
 * settings_storage_quota_enforcer.cc: the key's bytes plus base::JSONWriter's output, UTF-8).
 * JSONWriter escapes `<` as `\u003C` and U+2028/U+2029 as `\u2028`/`\u2029` where JSON.stringify
 * writes them as they are; everything else is the same text. Firefox counts the UTF-8 of
 * serde_json's text, which is never longer, so a count that satisfies Chrome satisfies both.
 * (A lone surrogate is counted as JSON.stringify's six-character escape, more than Chrome's
 * three-byte replacement character: too much, never too little.)
 */
export function jsonTextBytes(json: string): number {
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) bytes += c === 0x3c ? 6 : 1;
    else if (c < 0x800) bytes += 2;
    else if (c === 0x2028 || c === 0x2029) bytes += 6;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < json.length && (json.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one code point, four bytes in UTF-8
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The size of one item as the quota counts it. Numbers must be small integers (as ours are):
 * Chrome writes a number beyond 32 bits as a double with ".0" added, which this does not count.
 */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + jsonTextBytes(JSON.stringify(value));
}

/** A key counts as its UTF-8 bytes, unescaped. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The whole area's use, as Chrome's getBytesInUse(null) would answer. */
export function areaBytes(items: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}
