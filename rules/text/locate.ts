/** Where an offset sits in a text: its 1-based line and a short context around it. */

export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** `width` characters either side, whitespace folded, so a finding shows the phrase as it reads on the page. */
export function contextAround(text: string, index: number, length: number, width = 20): string {
  const before = text.slice(Math.max(0, index - width), index).replace(/\s+/g, ' ').trimStart();
  const after = text.slice(index + length, index + length + width).replace(/\s+/g, ' ').trimEnd();
  return `${index - width > 0 ? '…' : ''}${before}【${text.slice(index, index + length)}】${after}${index + length + width < text.length ? '…' : ''}`;
}
