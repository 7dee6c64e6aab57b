import { extractLinks } from '../../rules/extract/nav-links.ts';
import type { ColumnObservation, InteractionObservation, OutgoingLinkObservation, SiteSnapshot, TextObservation } from '../../rules/model/snapshot.ts';
import { isMessageListColumn, observeMessageList } from '../../rules/text/message-list.ts';
import { observePageText } from '../../rules/text/page-text.ts';
import { attachmentLinks, readAttachments, type AttachmentLimits, type AttachmentLink, type AttachmentProbe, type AttachmentDownload } from '../attachments/index.ts';
import { pageFromHtml } from '../page/from-html.ts';
import type { JournalEntry, PageJournal } from '../store/types.ts';

/** What the text checks cost on one site, for the bench. */
export interface TextScanStats {
  texts: number;
  attachments: number;
  attachmentsRead: number;
  attachmentBytes: number;
  /** Process CPU time during page text, links, message lists and attachment parsing (other sites crawled at the same time count too). */
  cpuMs: number;
}

/** Outgoing links kept per site: enough for a home page's 友情链接 and the columns' links. */
const MAX_OUTGOING = 300;


/** Item titles where personal data gets published: 公示 lists, rosters, subsidies, hiring results. */
const LEAK_PRONE = /公示|名单|名册|花名册|补贴|补助|救助|低保|特困|录用|聘用|拟招|资格审查|获奖|表彰|困难|发放/;
/** Extra detail pages read per site for the personal-number check, beyond the ones the column checks read. */
export const LEAK_PRONE_PAGES = 20;

/**
 * Detail pages worth reading for personal numbers that the column checks did not read: 公示-type items, newest
 * first, across columns, up to the budget.
 */
export function leakProneUrls(columns: ColumnObservation[], isAllowed: (url: string) => boolean, loaded: ReadonlySet<string>, max = LEAK_PRONE_PAGES): string[] {
  const items = columns.flatMap((c) => c.items).filter((i) => i.url && LEAK_PRONE.test(i.title) && isAllowed(i.url) && !loaded.has(i.url));
  items.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return [...new Set(items.map((i) => i.url!))].slice(0, max);
}

export interface TextScanInput {
  /** URLs of the pages the crawl loaded, in order. */
  pageUrls: string[];
  journal: PageJournal;
  columns: ColumnObservation[];
  isAllowed: (url: string) => boolean;
  now: string;
  attachmentLimits?: Partial<AttachmentLimits>;
  /** The site's Fetcher, asked before each attachment download (robots.txt, host delay). */
  probe?: AttachmentProbe;
  /** Loopback and private addresses allowed for attachment downloads (as for the site's pages). */
  allowPrivate?: boolean;
  /** Where attachment bytes come from when not over HTTP (a saved copy's folder). */
  download?: AttachmentDownload;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The text checks' share of a crawl, on pages already fetched: each page's text (personal numbers masked here, at
 * the source), the attachments they link (downloaded and read, bounded), the 留言 lists and the outgoing links.
 */
export async function scanSiteText(input: TextScanInput): Promise<{ fields: Pick<SiteSnapshot, 'texts' | 'attachments' | 'interactions' | 'outgoingLinks'>; stats: TextScanStats }> {
  const cpu = process.cpuUsage();
  const texts: TextObservation[] = [];
  const attachmentsToRead: AttachmentLink[] = [];
  const outgoing = new Map<string, OutgoingLinkObservation>();
  const done = new Set<string>();
  const pageDates = new Map<string, string>();
  for (const url of input.pageUrls) {
    const entry = visibleEntry(input.journal, url);
    if (!entry?.ok || done.has(entry.finalUrl) || !entry.text) continue;
    done.add(entry.finalUrl);
    const doc = pageFromHtml(entry.text, entry.finalUrl);
    const observed = observePageText(doc, entry.finalUrl, input.now);
    texts.push(observed);
    if (observed.date) pageDates.set(entry.finalUrl, observed.date);
    const links = extractLinks(doc);
    attachmentsToRead.push(...attachmentLinks(links, entry.finalUrl));
    for (const l of links) {
      if (input.isAllowed(l.url) || outgoing.has(l.url) || outgoing.size >= MAX_OUTGOING || !/^https?:/i.test(l.url)) continue;
      outgoing.set(l.url, { url: l.url, text: l.text, fromUrl: entry.finalUrl });
    }
  }
  const interactions = readInteractions(input.columns, input.journal);
  let cpuMs = cpuSince(cpu);
  const read = await readAttachments(attachmentsToRead, { isAllowed: input.isAllowed, limits: input.attachmentLimits, notAfter: input.now, dateOf: (url) => pageDates.get(url), ...(input.probe ? { probe: input.probe } : {}), allowPrivate: input.allowPrivate ?? false, ...(input.download ? { download: input.download } : {}) });
  cpuMs += read.cpuMs;
  texts.push(...read.texts);
  return {
    fields: { texts, attachments: read.attachments, interactions, outgoingLinks: [...outgoing.values()] },
    stats: { texts: texts.length, attachments: read.attachments.length, attachmentsRead: read.attachments.filter((a) => a.status === 'read').length, attachmentBytes: read.bytes, cpuMs: Math.round(cpuMs) },
  };
}

/**
 * A page as a visitor sees it: the rendered copy when there is one, else the fetched one. The renderer is given the
 * URL the fetch landed on (after HTTP redirects), so the rendered copy is keyed by that, not by the URL asked for.
 */
function visibleEntry(journal: PageJournal, url: string): JournalEntry | undefined {
  const raw = journal.get(url);
  const rendered = raw ? journal.get(`${raw.finalUrl}#rendered`) : undefined;
  return rendered?.ok ? rendered : raw;
}

function readInteractions(columns: ColumnObservation[], journal: PageJournal): InteractionObservation[] {
  const out: InteractionObservation[] = [];
  for (const c of columns) {
    if (!isMessageListColumn(c.classId, c.name)) continue;
    const base = { url: c.url, name: c.name };
    const entry = visibleEntry(journal, c.url);
    if (!entry?.ok) {
      out.push({ ...base, status: 'needs-review', statusReason: c.statusReason ?? '留言列表无法读取 / list not read', messages: [] });
      continue;
    }
    // A login form or captcha is the reason to give even when the list reader found nothing on the page.
    const observed = observeMessageList(pageFromHtml(entry.text, entry.finalUrl), c.url, c.name);
    if (observed.status === 'ok' && observed.messages.length === 0 && c.status !== 'ok') {
      out.push({ ...base, status: 'needs-review', statusReason: c.statusReason ?? c.status, messages: [] });
      continue;
    }
    out.push(observed);
  }
  return out;
}
