import type { CharsetSource } from './types.ts';

/**
 * Turns body bytes into text the way a careful reader would, not the way the page claims: Chinese government
 * sites often serve GBK with a missing or wrong charset (a Tomcat default of ISO-8859-1, a header saying UTF-8
 * over a GB2312 template). A declared charset is used only when the bytes fit it.
 */
export interface DecodedBody {
  text: string;
  charset: string;
  charsetSource: CharsetSource;
}

/** Labels for the GB family; GB18030 is a superset of GB2312 and GBK, so it decodes them all. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'gb_2312', 'gb_2312-80', 'csgb2312', 'chinese', 'iso-ir-58', 'csiso58gb231280', 'cp936', 'ms936', 'windows-936', 'euc-cn']);

const META_WINDOW = 2048;

/** The WHATWG encoding name for a charset label, GB labels folded into gb18030; undefined if unknown. */
export function normalizeCharset(label: string | undefined): string | undefined {
  const l = label?.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return undefined;
  if (GB_LABELS.has(l)) return 'gb18030';
  try {
    const encoding = new TextDecoder(l).encoding;
    return encoding === 'gbk' ? 'gb18030' : encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType && /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? normalizeCharset(m[1]) : undefined;
}

export function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** `<meta charset>` or `<meta http-equiv content="…; charset=…">` within the first 2 KB, as browsers look. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, META_WINDOW));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    const charset = m ? normalizeCharset(m[1]) : undefined;
    // A page that reached us as bytes is not UTF-16 whatever its meta says (HTML spec: treat as UTF-8).
    if (charset) return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return undefined;
}

/**
 * Guesses between the two encodings Chinese sites use. Pure ASCII tells nothing.
 * `partial`: the body was cut off, so a multi-byte character split at the end is not evidence against.
 */
export function detectCharset(bytes: Uint8Array, partial = false): string | undefined {
  if (isAscii(bytes)) return undefined;
  if (decodesCleanly('utf-8', bytes, partial)) return 'utf-8';
  if (decodesCleanly('gb18030', bytes, partial)) return 'gb18030';
  return undefined;
}

export function decodeBody(bytes: Uint8Array, contentTypeHeader: string | undefined, partial = false): DecodedBody {
  const chosen = chooseCharset(bytes, contentTypeHeader, partial);
  // stream: a character cut in half by truncation is dropped rather than shown as U+FFFD.
  const text = new TextDecoder(chosen.charset).decode(bytes, { stream: partial });
  return { text, ...chosen };
}

function chooseCharset(bytes: Uint8Array, contentTypeHeader: string | undefined, partial: boolean): Omit<DecodedBody, 'text'> {
  // A byte-order mark outranks every declaration, as in browsers: it cannot appear by accident.
  const bom = charsetFromBom(bytes);
  if (bom) return { charset: bom, charsetSource: 'bom' };

  const declared: Omit<DecodedBody, 'text'>[] = [];
  const fromHeader = charsetFromContentType(contentTypeHeader);
  if (fromHeader) declared.push({ charset: fromHeader, charsetSource: 'header' });
  const fromMeta = charsetFromMeta(bytes);
  if (fromMeta && fromMeta !== fromHeader) declared.push({ charset: fromMeta, charsetSource: 'meta' });

  const fitting = declared.find((d) => fitsBytes(d.charset, bytes, partial));
  if (fitting) return fitting;
  const detected = detectCharset(bytes, partial);
  if (detected) return { charset: detected, charsetSource: 'detected' };
  if (isAscii(bytes)) return declared[0] ?? { charset: 'utf-8', charsetSource: 'default' };
  // Nothing reads cleanly (a GBK page with a few corrupt bytes, a template pasted from another encoding): take the
  // reading with the fewest replacement characters, a declared one on a tie.
  // Latin-1 is left out: it never shows a replacement character, so it would always win.
  const candidates: Omit<DecodedBody, 'text'>[] = [...declared.filter((d) => d.charset !== 'windows-1252'), { charset: 'utf-8', charsetSource: 'detected' }, { charset: 'gb18030', charsetSource: 'detected' }];
  let best = candidates[0]!;
  let bestErrors = Infinity;
  for (const c of candidates) {
    const errors = replacementCount(c.charset, bytes, partial);
    if (errors < bestErrors) [best, bestErrors] = [c, errors];
  }
  return best;
}

function replacementCount(charset: string, bytes: Uint8Array, partial: boolean): number {
  return countReplacements(new TextDecoder(charset).decode(bytes, { stream: partial }));
}

/** U+FFFD characters in decoded text: the bytes no decoder could read. */
function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Whether a declared charset is believable for these bytes. */
function fitsBytes(charset: string, bytes: Uint8Array, partial: boolean): boolean {
  if (charset === 'gb18030') {
    // GB18030 accepts most byte soup, so it can't refuse UTF-8 by itself; a clean UTF-8 reading with Chinese
    // characters in it means the page was converted to UTF-8 and the old GB2312 declaration stayed behind.
    return decodesCleanly('gb18030', bytes, partial) && !looksLikeUtf8Chinese(bytes, partial);
  }
  if (charset === 'windows-1252') {
    // Latin-1 decodes anything; on these sites it is a server default, not a statement about the page.
    return isAscii(bytes);
  }
  return decodesCleanly(charset, bytes, partial);
}

function decodesCleanly(charset: string, bytes: Uint8Array, partial: boolean): boolean {
  try {
    new TextDecoder(charset, { fatal: true }).decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

function looksLikeUtf8Chinese(bytes: Uint8Array, partial: boolean): boolean {
  try {
    return /[\u4e00-\u9fff]/.test(new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial }));
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * Why decoded text cannot be trusted, or undefined when it can: when more than 2% of its characters (and at least
 * 20) are U+FFFD, no encoding fits the bytes, and what the page says (titles, dates) may be garbled.
 */
export function undecodableReason(text: string): string | undefined {
  const bad = countReplacements(text);
  if (bad < 20 || bad <= text.length * 0.02) return undefined;
  return `${bad} of ${text.length} characters could not be decoded in any encoding`;
}
