import { HostGuard } from '../fetch/host-guard.ts';
import { isPrivateHost } from '../fetch/private-host.ts';
import type { SnapshotAnswer, SnapshotFolder } from '../snapshot/folder.ts';

/**
 * What Chromium may request while rendering one site's pages: the same allow-list as the fetcher (hosts with their
 * ports, private addresses, schemes, through the fetcher's own HostGuard), and for a snapshot audit the saved
 * folder that answers instead of the network. Resource kinds no check needs are never loaded.
 */
export interface RequestGate {
  /** Why this URL may not be requested (undefined: it may). */
  refusal(url: URL): string | undefined;
  /** A snapshot audit answers from the saved folder; a live one leaves this unset and fetches. */
  answer?: (url: URL) => Promise<SnapshotAnswer>;
}

/** Playwright resource types never loaded: no check reads an image, a video or a font. */
export const BLOCKED_RESOURCE_TYPES = new Set(['image', 'media', 'font', 'imageset', 'texttrack', 'manifest', 'ping', 'beacon', 'csp_report']);

export function siteGate(o: { hosts: string[]; allowPrivate: boolean; folder?: SnapshotFolder }): RequestGate {
  const guard = new HostGuard({ allowedHosts: o.hosts, allowPrivate: o.allowPrivate });
  const folder = o.folder;
  return {
    refusal: (url) => guard.refusal(url)?.message,
    ...(folder ? { answer: (url: URL) => folder.answer(url) } : {}),
  };
}

/** The gate for rendering a lone URL: its own host and port only (private only when the URL itself is private). */
export function singleHostGate(url: string): RequestGate {
  const u = new URL(url);
  return siteGate({ hosts: [u.host], allowPrivate: isPrivateHost(u.hostname) });
}
