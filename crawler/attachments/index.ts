import type { AttachmentObservation, TextObservation } from '../../rules/model/snapshot.ts';
import { attachmentFormat, READABLE_FORMATS, UNREADABLE_REASON } from '../../rules/text/attachment-links.ts';
import { observeText } from '../../rules/text/observe.ts';
import { downloadAttachment } from './download.ts';
import { DEFAULT_USER_AGENT } from '../fetch/defaults.ts';
import { readAttachmentText } from './read.ts';
import { UnreadableAttachment } from './types.ts';

export interface AttachmentLimits {
  /** Attachments downloaded per site; the rest are listed as over the limit. */
  maxCount: number;
  maxBytes: number;
  /** Per download. */
  timeoutMs: number;
  /** Time for all attachments of a site (download and reading). */
  totalMs: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxCount: 20, maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000, totalMs: 120_000 };

export interface AttachmentLink {
  url: string;
  fromUrl: string;
  text: string;
}

/**
 * Asks the site's Fetcher first: robots.txt, the per-host delay and Retry-After apply to attachments as to pages
 * (the Fetcher answers binary types with status and headers, without the body), then the bytes are downloaded.
 */
export type AttachmentProbe = (url: string) => Promise<{ ok: boolean; status: number; error?: { kind: string; message: string } }>;

export interface AttachmentReadResult {
  attachments: AttachmentObservation[];
  texts: TextObservation[];
  /** CPU time spent parsing (not waiting for downloads), for the bench. */
  cpuMs: number;
  bytes: number;
}

/** A parse that takes longer than the download budget is given up on (listed with the reason); the crawl goes on. */
async function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnreadableAttachment(`解析超时（${ms / 1000} 秒）/ parsing timed out`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The attachment links among a page's links, once each, in page order. */
export function attachmentLinks(links: { url: string; text: string }[], fromUrl: string): AttachmentLink[] {
  return links.filter((l) => attachmentFormat(l.url, l.text)).map((l) => ({ url: l.url.replace(/#.*$/, ''), fromUrl, text: l.text }));
}

/**
 * Downloads and reads the attachments (bounded by count, size and time) and turns their text into masked text
 * observations. Every attachment is listed: read, unreadable (with the reason) or over the limit.
 */
/** Where an attachment's bytes come from: the site over HTTP, or a saved copy's folder. */
export type AttachmentDownload = (url: string, isAllowed: (url: string) => boolean, limits: AttachmentLimits & { allowPrivate?: boolean; userAgent?: string }) => Promise<{ bytes: Uint8Array }>;

export async function readAttachments(links: AttachmentLink[], o: { isAllowed: (url: string) => boolean; limits?: Partial<AttachmentLimits>; notAfter?: string; /** The publish date of the page linking an attachment. */ dateOf?: (pageUrl: string) => string | undefined; probe?: AttachmentProbe; allowPrivate?: boolean; download?: AttachmentDownload }): Promise<AttachmentReadResult> {
  const limits = { ...DEFAULT_ATTACHMENT_LIMITS, ...o.limits };
  const started = performance.now();
  const attachments: AttachmentObservation[] = [];
  const texts: TextObservation[] = [];
  let cpuMs = 0;
  let bytesTotal = 0;
  let downloaded = 0;
  const seen = new Set<string>();
  for (const link of links) {
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    const claimed = attachmentFormat(link.url, link.text) ?? 'unknown';
    const base = { url: link.url, fromUrl: link.fromUrl, ...(link.text ? { linkText: link.text } : {}), format: claimed };
    if (!READABLE_FORMATS.has(claimed as never)) {
      attachments.push({ ...base, status: 'unreadable', reason: UNREADABLE_REASON[claimed as keyof typeof UNREADABLE_REASON] ?? `不读取 ${claimed} / not read` });
      continue;
    }
    if (downloaded >= limits.maxCount) {
      attachments.push({ ...base, status: 'over-limit', reason: `超出每站 ${limits.maxCount} 个附件的读取上限 / over the per-site limit of ${limits.maxCount}` });
      continue;
    }
    if (performance.now() - started > limits.totalMs) {
      attachments.push({ ...base, status: 'over-limit', reason: `超出附件读取总时限 ${limits.totalMs / 1000} 秒 / over the time budget` });
      continue;
    }
    downloaded++;
    try {
      if (o.probe) {
        const p = await o.probe(link.url);
        if (p.error) throw new UnreadableAttachment(p.error.kind === 'robots' ? `robots.txt 不允许下载 / disallowed by robots.txt` : `下载失败 / download failed: ${p.error.kind}`);
        if (!p.ok) throw new UnreadableAttachment(`下载失败 HTTP ${p.status} / download failed`);
      }
      const { bytes } = await (o.download ?? downloadAttachment)(link.url, o.isAllowed, { ...limits, allowPrivate: o.allowPrivate ?? false, userAgent: DEFAULT_USER_AGENT });
      bytesTotal += bytes.byteLength;
      const cpuStart = process.cpuUsage();
      try {
        const { format, parts } = await withinTime(readAttachmentText(bytes, claimed), limits.timeoutMs);
        const date = o.dateOf?.(link.fromUrl);
        // A PDF without a text layer is a scan: its content is there for a person to read, not for this check.
        if (format === 'pdf' && parts.every((p) => !p.text.trim())) {
          throw new UnreadableAttachment('PDF 无文字层（可能为扫描件），需人工查看 / no text layer (scanned?), read it by hand');
        }
        for (const part of parts) {
          if (!part.text.trim()) continue;
          texts.push(observeText(part.text, { url: link.url, source: 'attachment', fromUrl: link.fromUrl, title: link.text, part: part.label, ...(date ? { date } : {}), notAfter: o.notAfter }));
        }
        attachments.push({ ...base, format, status: 'read', bytes: bytes.byteLength, parts: parts.length });
      } finally {
        const used = process.cpuUsage(cpuStart);
        cpuMs += (used.user + used.system) / 1000;
      }
    } catch (e) {
      const reason = e instanceof UnreadableAttachment ? e.reason : `读取出错 / read error: ${(e as Error).message.split('\n')[0]}`;
      attachments.push({ ...base, status: reason.includes('过大') ? 'over-limit' : 'unreadable', reason });
    }
  }
  return { attachments, texts, cpuMs: Math.round(cpuMs), bytes: bytesTotal };
}
