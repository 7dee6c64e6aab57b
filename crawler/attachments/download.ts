import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isPrivateHost } from '../fetch/private-host.ts';
import { UnreadableAttachment } from './types.ts';

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
  userAgent?: string;
  /** Loopback and private addresses, as the site's Fetcher allows them (tests, the demo); refused otherwise. */
  allowPrivate?: boolean;
}

const MAX_REDIRECTS = 3;
const MB = 1024 * 1024;

/** One GET without a connection pool (`agent: false`): the socket closes with the response, so no handle outlives a crawl. */
function get(url: string, signal: AbortSignal, userAgent?: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(url, { method: 'GET', agent: false, signal, headers: { ...(userAgent ? { 'user-agent': userAgent } : {}), accept: '*/*' } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function readBounded(res: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      res.destroy();
      throw new UnreadableAttachment(`文件过大（超过 ${Math.round(maxBytes / MB)} MB）/ too big`);
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * One attachment's bytes, bounded: a declared length over the limit is refused before the body is read, a body that
 * grows past it is cut off and refused. Redirects are followed only to hosts the site allows. (The page Fetcher
 * decodes text and skips binary bodies, which is right for pages; attachments need the bytes.)
 */
export async function downloadAttachment(url: string, isAllowed: (url: string) => boolean, limits: DownloadLimits): Promise<{ bytes: Uint8Array; contentType?: string; finalUrl: string }> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!isAllowed(current)) throw new UnreadableAttachment(`附件位于其他站点，未下载 / attachment on another host, not downloaded: ${current}`);
      // The same rule as the page Fetcher's guard: a redirect into a private address is not followed.
      if (!limits.allowPrivate && isPrivateHost(new URL(current).hostname)) throw new UnreadableAttachment(`附件指向内网地址，未下载 / attachment on a private address, not downloaded: ${current}`);
      const res = await get(current, signal, limits.userAgent);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.destroy();
        current = new URL(location, current).href;
        continue;
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new UnreadableAttachment(`下载失败 HTTP ${status} / download failed`);
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > limits.maxBytes) {
        res.destroy();
        throw new UnreadableAttachment(`文件过大（${Math.round(declared / MB)} MB，上限 ${Math.round(limits.maxBytes / MB)} MB）/ too big`);
      }
      const bytes = await readBounded(res, limits.maxBytes);
      return { bytes, contentType: res.headers['content-type']?.split(';')[0]!.trim().toLowerCase(), finalUrl: current };
    }
    throw new UnreadableAttachment('重定向过多 / too many redirects');
  } catch (e) {
    if (e instanceof UnreadableAttachment) throw e;
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError' || signal.aborted) throw new UnreadableAttachment(`下载超时（${limits.timeoutMs / 1000} 秒）/ download timed out`);
    throw new UnreadableAttachment(`下载失败 / download failed: ${err.message.split('\n')[0]}`);
  }
}
