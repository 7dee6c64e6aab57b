import { isPrivateHost } from './private-host.ts';
import type { FetchError } from './types.ts';

/** The port a URL really goes to: its own, or its scheme's default. */
function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/**
 * An allow-list entry as hostname plus the ports it allows: `host:8080` allows that port only; a bare `host`
 * allows the default ports (80, 443), never another port on the same machine, which may be a different service.
 */
function parseEntry(entry: string): { hostname: string; ports: Set<string> } | undefined {
  try {
    const u = new URL(`http://${entry.trim()}/`);
    const explicit = /:\d+$/.test(entry.trim());
    return { hostname: u.hostname.toLowerCase(), ports: new Set(explicit ? [u.port || '80'] : ['80', '443']) };
  } catch {
    return undefined;
  }
}

/** Decides before any request whether a URL may be fetched at all; checked again for every redirect target. */
export class HostGuard {
  private readonly allowed?: Map<string, Set<string>>;

  constructor(private readonly o: { allowedHosts?: string[]; allowPrivate?: boolean }) {
    if (o.allowedHosts) {
      this.allowed = new Map();
      for (const entry of o.allowedHosts) {
        const parsed = parseEntry(entry);
        if (!parsed) continue;
        const ports = this.allowed.get(parsed.hostname) ?? new Set<string>();
        for (const p of parsed.ports) ports.add(p);
        this.allowed.set(parsed.hostname, ports);
      }
    }
  }

  refusal(url: URL): FetchError | undefined {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other', message: `unsupported protocol ${url.protocol}` };
    if (this.allowed && !this.allowed.get(url.hostname)?.has(effectivePort(url))) {
      return { kind: 'off-site', message: `${url.host} is not among the allowed hosts (ports count: another port is another service)` };
    }
    if (!this.o.allowPrivate && isPrivateHost(url.hostname)) {
      return { kind: 'private-address', message: `${url.hostname} is a private or loopback address` };
    }
    return undefined;
  }
}
