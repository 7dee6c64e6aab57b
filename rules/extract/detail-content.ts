import type { DetailContent } from '../model/snapshot.ts';
import type { PageDocument, PageElement, PageNode } from '../page/node.ts';
import { textOf } from './text.ts';

/** Caps so a huge page cannot bloat the stored snapshot. */
const MAX_TEXT = 40_000;
const MAX_TABLES = 12;

function elements(node: PageNode, tag: string, out: PageElement[] = []): PageElement[] {
  if (node.type !== 'element') return out;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tag === tag) out.push(child);
    else elements(child, tag, out);
  }
  return out;
}

/** Rows of a table, each row its cells' text; a nested table is read as its own table, not as cells. */
function rowsOf(table: PageElement): string[][] {
  return elements(table, 'tr').map((tr) => tr.children.filter((c): c is PageElement => c.type === 'element' && (c.tag === 'td' || c.tag === 'th')).map((c) => textOf(c)));
}

/**
 * The text and the tables of a detail page, as plain data a check can read (a 政府信息公开工作年度报告's sections and
 * its statistics tables). Scripts and styles are left out by `textOf`.
 */
export function detailContent(doc: PageDocument): DetailContent {
  const body = elements(doc.root, 'body')[0] ?? doc.root;
  const tables = elements(body, 'table').slice(0, MAX_TABLES).map(rowsOf).filter((rows) => rows.length > 0);
  return { text: textOf(body).slice(0, MAX_TEXT), tables };
}
