import { ownText } from './text.ts';
import type { PageElement } from '../page/node.ts';
import { parseFragment } from './fragment.ts';
import { makeElement } from './node-build.ts';
import { isElement, type PageIndex } from './tree.ts';
import { resolveHref } from './url.ts';

/**
 * 大汉 (Hanweb) column pages ship their list inside a script as
 * `<datastore><recordset><record><![CDATA[<li>…</li>]]></record>…</recordset></datastore>`; the jpage plug-in draws
 * it in the browser, and fetches further groups from `/module/web/jpage/dataproxy.jsp`.
 */
export interface HanwebStore {
  /** The <script> that holds the datastore. */
  script: PageElement;
  /** One synthetic `<record>` element per record, wrapping the record's parsed markup. */
  records: PageElement[];
  totalRecord?: number;
  perPage?: number;
  /** The dataproxy URL the page itself names (absolute), used as the template for further pages. */
  proxyUrl?: string;
}

const RECORD = /<record[^>]*>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi;
const TOTAL_RECORD = /totalRecord\s*["']?\s*[:=]\s*["']?(\d+)|<totalrecord>\s*(\d+)\s*<\/totalrecord>/i;
const PER_PAGE = /perPage\s*["']?\s*[:=]\s*["']?(\d+)|<perpage>\s*(\d+)\s*<\/perpage>/i;
const PROXY_URL = /["']([^"'<>\s]*dataproxy\.jsp\?[^"'<>\s]*)["']/i;


function firstNumber(m: RegExpExecArray | null): number | undefined {
  const raw = m?.[1] ?? m?.[2];
  return raw === undefined ? undefined : Number(raw);
}

/** Every Hanweb datastore on the page, with paging facts from any script on the page. */
export function findHanwebStores(index: PageIndex, base: string): HanwebStore[] {
  const scripts = index.elements.filter((el) => el.tag === 'script');
  const allScripts = scripts.map(ownText).join('\n');
  const stores: HanwebStore[] = [];
  for (const script of scripts) {
    const body = ownText(script);
    if (!/<datastore|<recordset/i.test(body)) continue;
    const records: PageElement[] = [];
    for (const m of body.matchAll(RECORD)) {
      const nodes = parseFragment(m[1]!);
      records.push(makeElement('record', {}, nodes));
    }
    // Paging facts sit in the datastore itself or in the jpage call next to it; prefer the datastore's.
    const totalRecord = firstNumber(TOTAL_RECORD.exec(body)) ?? firstNumber(TOTAL_RECORD.exec(allScripts));
    const perPage = firstNumber(PER_PAGE.exec(body)) ?? firstNumber(PER_PAGE.exec(allScripts));
    const proxyHref = PROXY_URL.exec(body)?.[1] ?? PROXY_URL.exec(allScripts)?.[1];
    const proxyUrl = proxyHref ? resolveHref(proxyHref.replace(/&amp;/g, '&'), base) : undefined;
    stores.push({
      script,
      records,
      ...(totalRecord !== undefined ? { totalRecord } : {}),
      ...(perPage !== undefined ? { perPage } : {}),
      ...(proxyUrl ? { proxyUrl } : {}),
    });
  }
  return stores;
}

/** The element of a record that acts as its list row: its single top-level element, else the record itself. */
export function recordRow(record: PageElement): PageElement {
  const elements = record.children.filter(isElement);
  return elements.length === 1 && record.children.length === 1 ? elements[0]! : record;
}
