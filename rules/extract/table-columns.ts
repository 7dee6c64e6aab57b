import type { PageElement } from '../page/node.ts';
import { allElements, elementChildren } from './tree.ts';
import { textOf } from './text.ts';
import { tableRows } from './rows.ts';

/**
 * Date columns of a list table. Policy-file tables often show both 成文日期 (when the file was signed) and
 * 发布日期 (when it went online); only the latter says whether the column is kept up to date.
 */
export interface TableDateColumns {
  /** Grid position of the publish-date column, when the header names one. */
  publishColumn?: number;
  /** Grid positions of columns whose dates must never be read as publish dates. */
  otherDateColumns: number[];
}

const PUBLISH_HEADER = /发布(日期|时间)|公开(日期|时间)|发文(日期|时间)|上传(日期|时间)|更新(日期|时间)|公布(日期|时间)/;
const OTHER_DATE_HEADER = /成文|印发|生效|施行|实施|截止|废止|签发|有效期|办结|受理|答复|来信/;
const GENERIC_DATE_HEADER = /日期|时间/;

function cells(tr: PageElement): PageElement[] {
  return elementChildren(tr).filter((c) => c.tag === 'td' || c.tag === 'th');
}

/** The cell covering grid position `column` (colspans expanded), or undefined. */
export function cellAt(tr: PageElement, column: number): PageElement | undefined {
  let pos = 0;
  for (const cell of cells(tr)) {
    const span = Math.max(1, Number.parseInt(cell.attrs.colspan ?? '1', 10) || 1);
    if (column >= pos && column < pos + span) return cell;
    pos += span;
  }
  return undefined;
}

/** The header row: the first row of <th> cells, or the first link-less row naming a date column. */
export function headerRow(table: PageElement): PageElement | undefined {
  const rows = tableRows(table).slice(0, 3);
  return (
    rows.find((tr) => cells(tr).length > 1 && cells(tr).every((c) => c.tag === 'th')) ??
    rows.find((tr) => !hasLink(tr) && cells(tr).some((c) => GENERIC_DATE_HEADER.test(textOf(c)) && textOf(c).length <= 10))
  );
}

function hasLink(el: PageElement): boolean {
  return allElements(el).some((e) => e.tag === 'a');
}

export function tableDateColumns(table: PageElement): TableDateColumns | undefined {
  const header = headerRow(table);
  if (!header) return undefined;
  let pos = 0;
  let publishColumn: number | undefined;
  let genericColumn: number | undefined;
  const otherDateColumns: number[] = [];
  for (const cell of cells(header)) {
    const label = textOf(cell).replace(/\s/g, '');
    const span = Math.max(1, Number.parseInt(cell.attrs.colspan ?? '1', 10) || 1);
    if (label.length <= 12) {
      if (PUBLISH_HEADER.test(label)) publishColumn ??= pos;
      else if (OTHER_DATE_HEADER.test(label)) otherDateColumns.push(pos);
      else if (GENERIC_DATE_HEADER.test(label)) genericColumn ??= pos;
    }
    pos += span;
  }
  publishColumn ??= genericColumn;
  if (publishColumn === undefined && otherDateColumns.length === 0) return undefined;
  return { ...(publishColumn !== undefined ? { publishColumn } : {}), otherDateColumns };
}
