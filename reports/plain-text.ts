import { stripInvisible } from './html/escape.ts';

/**
 * Page-derived text for a terminal line: the controls that escape.ts strips for HTML (ESC sequences that recolour
 * or clear a terminal, BEL, bidi overrides that reorder what is read) are removed, and line breaks become spaces
 * so one finding stays one line.
 */
export function safeText(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return stripInvisible(String(value)).replace(/[\r\n\t]+/g, ' ');
}
