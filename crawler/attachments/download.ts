import { UnreadableAttachment } from './types.ts';

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
  userAgent?: string;
}

const MAX_REDIRECTS = 3;

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
      const res = await fetch(current, { redirect: 'manual', signal, headers: limits.userAgent ? { 'user-agent': limits.userAgent } : {} });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        current = new URL(location, current).href;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new UnreadableAttachment(`下载失败 HTTP ${res.status} / download failed`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBytes) {
        await res.body?.cancel();
        throw new UnreadableAttachment(`文件过大（${Math.round(declared / 1048576)} MB，上限 ${Math.round(limits.maxBytes / 1048576)} MB）/ too big`);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = res.body?.getReader();
      for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
        size += r.value.byteLength;
        if (size > limits.maxBytes) {
          await reader.cancel();
          throw new UnreadableAttachment(`文件过大（超过 ${Math.round(limits.maxBytes / 1048576)} MB）/ too big`);
        }
        chunks.push(r.value);
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.byteLength;
      }
      return { bytes, contentType: res.headers.get('content-type')?.split(';')[0].trim().toLowerCase(), finalUrl: current };
    }
    throw new UnreadableAttachment('重定向过多 / too many redirects');
  } catch (e) {
    if (e instanceof UnreadableAttachment) throw e;
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new UnreadableAttachment(`下载超时（${limits.timeoutMs / 1000} 秒）/ download timed out`);
    throw new UnreadableAttachment(`下载失败 / download failed: ${err.message.split('\n')[0]}`);
  }
}
