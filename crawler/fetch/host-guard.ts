import { isPrivateHost } from './private-host.ts';
import type { FetchError } from './types.ts';

/** Decides before any request whether a URL may be fetched at all; checked again for every redirect target. */
export class HostGuard {
  private readonly allowed?: Set<string>;

  constructor(private readonly o: { allowedHosts?: string[]; allowPrivate?: boolean }) {
    if (o.allowedHosts) this.allowed = new Set(o.allowedHosts.map((h) => h.toLowerCase()));
  }

  refusal(url: URL): FetchError | undefined {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other', message: `unsupported protocol ${url.protocol}` };
    if (this.allowed && !this.allowed.has(url.hostname) && !this.allowed.has(url.host)) {
      return { kind: 'off-site', message: `${url.host} is not among the allowed hosts` };
    }
    if (!this.o.allowPrivate && isPrivateHost(url.hostname)) {
      return { kind: 'private-address', message: `${url.hostname} is a private or loopback address` };
    }
    return undefined;
  }
}
