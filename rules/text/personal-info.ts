/**
 * Personal numbers in published text: 18-digit 居民身份证号 (GB 11643-1999), mobile numbers and bank card numbers.
 * Pure: text in, hits out. Every hit carries only the masked number; the raw digits never leave this module.
 */

export type PersonalKind = 'id-number' | 'mobile' | 'bank-card';

export interface PersonalMatch {
  kind: PersonalKind;
  /** The number as it must be shown: `11**************1X`, `138****1234`, `6222*********1234`. */
  masked: string;
  /** Offset and length in the scanned text (for masking and context). */
  index: number;
  length: number;
}

/** Province-level codes (GB/T 2260 first two digits) an ID number can start with. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function validBirthDate(yyyymmdd: string, notAfter?: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return false;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return notAfter === undefined || iso <= notAfter;
}

/** A well-formed 居民身份证号: province prefix, real birth date, GB 11643 check character. */
export function isValidIdNumber(id: string, notAfter?: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  if (!validBirthDate(id.slice(6, 14), notAfter)) return false;
  return idCheckCharacter(id.slice(0, 17)) === id[17].toUpperCase();
}

/** The Luhn check every bank card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskIdNumber(id: string): string {
  return id.slice(0, 2) + '*'.repeat(13) + id.slice(15);
}

export function maskMobile(digits: string): string {
  return digits.slice(0, 3) + '****' + digits.slice(7);
}

export function maskBankCard(digits: string): string {
  return digits.slice(0, 4) + '*'.repeat(digits.length - 8) + digits.slice(-4);
}

/** Full-width digits and Ｘ read as their ASCII forms, one character for one, so offsets stay the same. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (c) => (c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Words that make a long digit run a bank card (卡号, 账号 …) rather than a document or order number. */
const BANK_CONTEXT = /卡号|账号|帐号|银行卡|开户行|借记卡|信用卡|社保卡|card\s*(?:no|number)|account/i;
/** How far before a digit run a context word is looked for. */
const BANK_CONTEXT_WINDOW = 24;

export interface ScanOptions {
  /** The audit date: a birth date after it is no ID number. */
  notAfter?: string;
}

/**
 * Every unmasked personal number in `text`, in order. Numbers are bounded by non-digits: a phone number inside a
 * longer digit run (an order or document number) is not one, and a masked form (`138****1234`) never matches.
 */
export function findPersonalNumbers(text: string, o: ScanOptions = {}): PersonalMatch[] {
  const t = asciiDigits(text);
  const found: PersonalMatch[] = [];
  for (const m of t.matchAll(/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/g)) {
    if (isValidIdNumber(m[0], o.notAfter)) found.push({ kind: 'id-number', masked: maskIdNumber(m[0].toUpperCase()), index: m.index!, length: 18 });
  }
  // 13812345678, 138-1234-5678, 138 1234 5678 (one separator used throughout).
  for (const m of t.matchAll(/(?<!\d)(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})(?!\d)/g)) {
    found.push({ kind: 'mobile', masked: maskMobile(m[1] + m[3] + m[4]), index: m.index!, length: m[0].length });
  }
  // 16–19 digits, contiguous or in groups of four; only after a word that says it is a card or account.
  for (const m of t.matchAll(/(?<!\d)(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: ?\d{1,3})?)(?!\d)/g)) {
    const digits = m[0].replace(/ /g, '');
    if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) continue;
    if (!BANK_CONTEXT.test(t.slice(Math.max(0, m.index! - BANK_CONTEXT_WINDOW), m.index!))) continue;
    found.push({ kind: 'bank-card', masked: maskBankCard(digits), index: m.index!, length: m[0].length });
  }
  found.sort((a, b) => a.index - b.index);
  const out: PersonalMatch[] = [];
  for (const h of found) if (!out.length || h.index >= out[out.length - 1].index + out[out.length - 1].length) out.push(h);
  return out;
}

/** `text` with every personal number replaced by its masked form (a run with spaces keeps no spaces). */
export function maskPersonalNumbers(text: string, o: ScanOptions = {}): string {
  const hits = findPersonalNumbers(text, o);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.index) + h.masked;
    at = h.index + h.length;
  }
  return out + text.slice(at);
}

/** ID numbers only: for URLs, where an 11-digit run is more often an article id than a phone number. */
export function maskIdNumbersOnly(text: string): string {
  return text.replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (m) => (isValidIdNumber(m) ? maskIdNumber(m.toUpperCase()) : m));
}
