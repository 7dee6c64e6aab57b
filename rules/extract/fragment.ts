import type { PageNode } from '../page/node.ts';
import { makeElement, normaliseChildren } from './node-build.ts';

/**
 * A minimal HTML fragment parser for markup found inside scripts (Hanweb's `<record><![CDATA[…]]></record>`),
 * which no DOM parses for us. It handles what list records hold: elements with attributes, void tags, comments,
 * entities, and the implicit closing of li/p/td/tr/dt/dd/option. It is not an HTML5 tree builder.
 */
export function parseFragment(html: string): PageNode[] {
  const builder = new TreeBuilder();
  tokenize(html, builder);
  return builder.finish();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  middot: '·', bull: '•', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', times: '×', divide: '÷', yen: '¥', sect: '§', deg: '°',
};

/** Decodes named (the common ones), decimal and hex character references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? whole;
  });
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title']);

/**
 * Start tags that implicitly close the nearest open element of one of these tags (and everything opened inside it),
 * unless a boundary element is open in between.
 */
const IMPLICIT_CLOSE: Record<string, { closes: string[]; boundary: string[] }> = {
  li: { closes: ['li'], boundary: ['ul', 'ol', 'table', 'div'] },
  dt: { closes: ['dt', 'dd'], boundary: ['dl'] },
  dd: { closes: ['dt', 'dd'], boundary: ['dl'] },
  td: { closes: ['td', 'th'], boundary: ['tr', 'table'] },
  th: { closes: ['td', 'th'], boundary: ['tr', 'table'] },
  tr: { closes: ['tr'], boundary: ['table', 'tbody', 'thead', 'tfoot'] },
  option: { closes: ['option'], boundary: ['select'] },
  p: { closes: ['p'], boundary: ['div', 'li', 'td', 'th'] },
};
/** Block starts that end an open paragraph. */
const CLOSES_PARAGRAPH = new Set(['div', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section']);

interface OpenElement {
  tag: string;
  attrs: Record<string, string>;
  children: PageNode[];
}

class TreeBuilder {
  private readonly top: PageNode[] = [];
  private readonly stack: OpenElement[] = [];

  private get children(): PageNode[] {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1]!.children : this.top;
  }

  text(text: string): void {
    if (text) this.children.push({ type: 'text', text });
  }

  comment(text: string): void {
    this.children.push({ type: 'comment', text });
  }

  open(tag: string, attrs: Record<string, string>, selfClosing: boolean): void {
    const rule = IMPLICIT_CLOSE[tag];
    if (rule) this.closeImplicit(rule.closes, rule.boundary);
    if (CLOSES_PARAGRAPH.has(tag)) this.closeImplicit(['p'], ['div', 'li', 'td', 'th']);
    const el: OpenElement = { tag, attrs, children: [] };
    if (VOID_TAGS.has(tag) || selfClosing) this.children.push(makeElement(tag, attrs, []));
    else this.stack.push(el);
  }

  close(tag: string): void {
    let at = -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.tag === tag) {
        at = i;
        break;
      }
    }
    if (at < 0) return; // a stray end tag: browsers ignore it too
    while (this.stack.length > at) this.popOne();
  }

  finish(): PageNode[] {
    while (this.stack.length > 0) this.popOne();
    return normaliseChildren(this.top);
  }

  private closeImplicit(closes: string[], boundary: string[]): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const tag = this.stack[i]!.tag;
      if (boundary.includes(tag)) return;
      if (closes.includes(tag)) {
        while (this.stack.length > i) this.popOne();
        return;
      }
    }
  }

  private popOne(): void {
    const el = this.stack.pop()!;
    this.children.push(makeElement(el.tag, el.attrs, el.children));
  }
}

const TAG_NAME = /[A-Za-z][^\s/>]*/y;
const ATTR_NAME = /[^\s"'>/=]+/y;
const WS = /[\s]*/y;

function tokenize(html: string, out: TreeBuilder): void {
  let i = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) out.text(decodeEntities(html.slice(textStart, end)));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      flushText(i);
      const end = html.indexOf('-->', i + 4);
      out.comment(html.slice(i + 4, end < 0 ? html.length : end));
      i = textStart = end < 0 ? html.length : end + 3;
    } else if (html.startsWith('<![CDATA[', i)) {
      flushText(i);
      const end = html.indexOf(']]>', i + 9);
      out.text(html.slice(i + 9, end < 0 ? html.length : end));
      i = textStart = end < 0 ? html.length : end + 3;
    } else if (html[i + 1] === '!' || html[i + 1] === '?') {
      flushText(i);
      const end = html.indexOf('>', i);
      i = textStart = end < 0 ? html.length : end + 1;
    } else if (html[i + 1] === '/' && /[A-Za-z]/.test(html[i + 2] ?? '')) {
      flushText(i);
      TAG_NAME.lastIndex = i + 2;
      const name = TAG_NAME.exec(html)![0].toLowerCase();
      const end = html.indexOf('>', i);
      out.close(name);
      i = textStart = end < 0 ? html.length : end + 1;
    } else if (/[A-Za-z]/.test(html[i + 1] ?? '')) {
      flushText(i);
      const tag = readStartTag(html, i);
      out.open(tag.name, tag.attrs, tag.selfClosing);
      i = textStart = tag.end;
      if (RAW_TEXT_TAGS.has(tag.name) && !tag.selfClosing) {
        const closeAt = html.toLowerCase().indexOf(`</${tag.name}`, i);
        const bodyEnd = closeAt < 0 ? html.length : closeAt;
        const body = html.slice(i, bodyEnd);
        out.text(tag.name === 'script' || tag.name === 'style' ? body : decodeEntities(body));
        out.close(tag.name);
        const gt = closeAt < 0 ? -1 : html.indexOf('>', closeAt);
        i = textStart = gt < 0 ? html.length : gt + 1;
      }
    } else {
      i += 1; // a lone '<' is text
    }
  }
  flushText(html.length);
}

function readStartTag(html: string, start: number): { name: string; attrs: Record<string, string>; selfClosing: boolean; end: number } {
  TAG_NAME.lastIndex = start + 1;
  const name = TAG_NAME.exec(html)![0].toLowerCase();
  let i = TAG_NAME.lastIndex;
  const attrs: Record<string, string> = {};
  const skipWs = (): void => {
    WS.lastIndex = i;
    WS.exec(html);
    i = WS.lastIndex;
  };
  while (i < html.length) {
    skipWs();
    const c = html[i];
    if (c === '>') return { name, attrs, selfClosing: false, end: i + 1 };
    if (c === '/') {
      if (html[i + 1] === '>') return { name, attrs, selfClosing: true, end: i + 2 };
      i += 1;
      continue;
    }
    ATTR_NAME.lastIndex = i;
    const attrMatch = ATTR_NAME.exec(html);
    if (!attrMatch) {
      i += 1; // stray quote or '=': skip it
      continue;
    }
    const attrName = attrMatch[0].toLowerCase();
    i = ATTR_NAME.lastIndex;
    skipWs();
    let value = '';
    if (html[i] === '=') {
      i += 1;
      skipWs();
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        value = html.slice(i + 1, close < 0 ? html.length : close);
        i = close < 0 ? html.length : close + 1;
      } else {
        const m = /[^\s>]*/y;
        m.lastIndex = i;
        value = m.exec(html)![0];
        i = m.lastIndex;
      }
    }
    if (!(attrName in attrs)) attrs[attrName] = decodeEntities(value);
  }
  return { name, attrs, selfClosing: false, end: html.length };
}
