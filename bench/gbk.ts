/**
 * GBK encoding for the GBK fixture, built from the platform's own decoder: every two-byte GBK sequence is decoded
 * once with `new TextDecoder('gbk')` and the map is reversed. Node has no GBK encoder and the project has no iconv
 * dependency; the bytes this produces are exactly the ones a GBK decoder reads back (checked in `selfCheck`).
 */
let table: Map<number, number> | undefined;

function reverseMap(): Map<number, number> {
  if (table) return table;
  const decoder = new TextDecoder('gbk');
  const map = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length !== 1 || ch === '\ufffd') continue;
      const code = ch.charCodeAt(0);
      if (!map.has(code)) map.set(code, (lead << 8) | trail);
    }
  }
  table = map;
  return map;
}

/** Encodes text as GBK; characters GBK lacks become `?` (as a GBK CMS would store them). */
export function encodeGbk(text: string): Uint8Array {
  const map = reverseMap();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const gbk = code <= 0xffff ? map.get(code) : undefined;
    if (gbk === undefined) {
      out[n++] = 0x3f;
      continue;
    }
    out[n++] = gbk >> 8;
    out[n++] = gbk & 0xff;
  }
  return out.subarray(0, n);
}
