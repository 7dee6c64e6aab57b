import type { PageDocument, PageElement } from '../page/node.ts';
import { extractMeta } from './nav-links.ts';
import { ownRegion } from './regions.ts';
import { ownText, shortTextOf, textOf } from './text.ts';
import { indexPage, walkElements, type PageIndex } from './tree.ts';

/**
 * The site's identity marks at the foot of a page (网站标识码, ICP备案, 公网安备, the 党政机关 mark). Templates
 * spread them over several blocks (a links bar, a copyright block, a badge row, sometimes a block named nothing
 * at all), and some blocks come from included fragments, so every footer-like block is read, not only the last
 * one named footer. The 党政机关 mark is an image link or a script (conac.cn), never text; 网站标识码 may be only
 * in `<meta name="SiteIDCode">`.
 */
export interface FooterMarks {
  idCode?: string;
  icp: boolean;
  police: boolean;
  conac: boolean;
}

/** A block longer than this is page content that mentions a footer word, not a footer. */
const FOOTER_MAX_CHARS = 400;
const ID_CODE = /网站标识码\s*[:：]?\s*([0-9A-Za-z]{6,20})/;
const ICP = /ICP\s*备\s*\d+|ICP\s*证\s*\d+/i;
const POLICE = /公网安备\s*\d+/;
/** The 党政机关 mark: conac.cn links, images and scripts, and the span the conac script fills. */
const CONAC_URL = /conac\.cn|_ideConac|CA\d{15,}\.js/i;

/** Every footer-like block, outermost, in document order (an explicit stack: no recursion, no quadratic walk). */
export function footerBlocks(index: PageIndex): PageElement[] {
  const out: PageElement[] = [];
  const body = index.elements.find((el) => el.tag === 'body') ?? index.root;
  const stack: { el: PageElement; inNav: boolean }[] = [{ el: body, inNav: false }];
  while (stack.length > 0) {
    const { el, inNav } = stack.pop()!;
    const region = ownRegion(el);
    if (el !== body && region === 'footer' && textOf(el) !== '') {
      out.push(el);
      continue;
    }
    if (el !== body && !inNav && BLOCKS.has(el.tag)) {
      const text = shortTextOf(el, FOOTER_MAX_CHARS);
      if (text && footerLines(text) >= 2) {
        out.push(el);
        continue;
      }
    }
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (kid.type === 'element') stack.push({ el: kid, inNav: inNav || region === 'nav' });
    }
  }
  return out;
}

const BLOCKS = new Set(['div', 'p', 'table', 'center', 'section', 'footer', 'ul', 'dl', 'td', 'span', 'font']);

/** How many distinct footer marks a text carries (one mention of 主办 in an article is not a footer). */
function footerLines(text: string): number {
  const words = ['网站标识码', 'ICP', '公网安备', '主办', '承办', '版权所有', '联系电话', '技术支持', 'Copyright', '©'];
  return words.filter((w) => text.toLowerCase().includes(w.toLowerCase())).length;
}

/** The marks of a page, read from its footer blocks, the conac badge wherever it sits, and the meta tags. */
export function footerMarks(doc: PageDocument): FooterMarks {
  const index = indexPage(doc);
  const text = footerBlocks(index).map(blockText).join('\n');
  const meta = extractMeta(doc);
  const metaId = Object.entries(meta).find(([k]) => k.toLowerCase() === 'siteidcode')?.[1]?.trim();
  const idCode = ID_CODE.exec(text)?.[1] ?? (metaId || undefined);
  return { ...(idCode ? { idCode } : {}), icp: ICP.test(text), police: POLICE.test(text), conac: hasConacMark(index) };
}

/** A footer block's text, with the marks that scripts write (`document.write('…ICP备…')`). */
function blockText(block: PageElement): string {
  const scripts: string[] = [];
  for (const el of walkElements(block)) {
    if (el.tag !== 'script') continue;
    const body = ownText(el);
    for (const m of body.matchAll(/(网站标识码|ICP备|公网安备)[^'"<\\]{0,40}/g)) scripts.push(m[0]);
  }
  return [textOf(block), ...scripts].join(' ');
}

function hasConacMark(index: PageIndex): boolean {
  return index.elements.some((el) => {
    if (el.tag === 'a' || el.tag === 'img' || el.tag === 'script' || el.tag === 'span') {
      const attrs = `${el.attrs.href ?? ''} ${el.attrs.src ?? ''} ${el.attrs.id ?? ''}`;
      if (CONAC_URL.test(attrs) || /党政机关/.test(el.attrs.alt ?? '') || /党政机关/.test(el.attrs.title ?? '')) return true;
    }
    if (el.tag === 'script') return el.children.some((c) => c.type === 'text' && /conac\.cn|_ideConac/i.test(c.text));
    return false;
  });
}

/**
 * The footer text the site-identity check reads: every footer block's text, then the marks that are not text on
 * the page, spelled out (the 党政机关 badge, a 网站标识码 given only in meta), so the check and an evaluator see them.
 */
export function extractFooterText(doc: PageDocument): string | undefined {
  const index = indexPage(doc);
  const text = footerBlocks(index).map(blockText).join('\n');
  const marks = footerMarks(doc);
  const extra: string[] = [];
  if (marks.conac && !/党政机关/.test(text)) extra.push('党政机关网站标识（conac.cn 标识） / 党政机关 mark (conac.cn badge)');
  if (marks.idCode && !ID_CODE.test(text)) extra.push(`网站标识码：${marks.idCode}（meta SiteIDCode）`);
  const all = [text, ...extra].filter(Boolean).join('\n');
  return all || undefined;
}
