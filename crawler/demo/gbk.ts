/**
 * A GBK encoder for the demo portal, built once and lazily by inverting the platform's GBK decoder over every
 * two-byte code (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F). ASCII passes through; characters GBK cannot hold
 * become `?`, as a real GBK site would show them.
 */

let table: Map<number, number> | undefined;

function gbkTable(): Map<number, number> {
  if (table) return table;
  const decoder = new TextDecoder('gbk');
  const map = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = decoder.decode(pair);
      if (s.length !== 1 || s === '\ufffd') continue;
      const cp = s.codePointAt(0)!;
      if (!map.has(cp)) map.set(cp, (lead << 8) | trail);
    }
  }
  table = map;
  return map;
}

export function encodeGbk(text: string): Uint8Array {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = map.get(cp);
    if (code === undefined) out.push(0x3f);
    else out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
