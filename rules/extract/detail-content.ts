import type { DetailContent } from '../model/snapshot.ts';
import type { PageDocument, PageElement } from '../page/node.ts';
import { tableRows } from './rows.ts';
import { textOf } from './text.ts';
import { elementChildren, findAll, findFirst } from './tree.ts';

/** Caps so a huge page cannot bloat the stored snapshot. */
const MAX_TEXT = 40_000;
const MAX_TABLES = 12;

/** Rows of a table, each row its cells' text; a nested table is read as its own table, not as cells. */
function rowsOf(table: PageElement): string[][] {
  return tableRows(table).map((tr) => elementChildren(tr).filter((c) => c.tag === 'td' || c.tag === 'th').map((c) => textOf(c)));
}

/**
 * The text and the tables of a detail page, as plain data a check can read (a 政府信息公开工作年度报告's sections and
 * its statistics tables). Scripts and styles are left out by `textOf`.
 */
export function detailContent(doc: PageDocument): DetailContent {
  const body = findFirst(doc.root, (el) => el.tag === 'body') ?? doc.root;
  // Every table, nested ones too: a 年报's statistics table often sits inside a layout table.
  const tables = findAll(body, (el) => el.tag === 'table').map(rowsOf).filter((rows) => rows.length > 0).slice(0, MAX_TABLES);
  return { text: textOf(body).slice(0, MAX_TEXT), tables };
}
