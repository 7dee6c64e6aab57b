import type { CapturedEvidence } from './model.ts';

/** Messages between the side panel, the background and the overlay content script. */

export interface FlashTarget {
  cssPath?: string;
  /** A link to this URL (a column in the navigation) when no CSS path is known or it is on another page. */
  url?: string;
}

export type ContentMessage =
  | { type: 'govaudit:ping' }
  | { type: 'govaudit:flash'; target: FlashTarget }
  | { type: 'govaudit:rescan' };

export interface PingReply {
  ok: true;
  url: string;
}

export interface FlashReply {
  found: boolean;
}

export type BackgroundMessage =
  /** Register the overlay for granted origins and inject it into the tab (after a permission grant). */
  | { type: 'govaudit:enable'; tabId: number; origin: string }
  | { type: 'govaudit:capture'; tabId: number };

export type CaptureReply = { ok: true; evidence: CapturedEvidence } | { ok: false; error: string };
