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
  | { type: 'govaudit:rescan' }
  /** The overlay's badges, pill, banner and list boxes, and the columns whose links here are all hidden. */
  | { type: 'govaudit:describe' }
  /** The evaluator's next click on a link on the page sets that link as this site's column of the class. */
  | { type: 'govaudit:pick'; classId: string };

export interface PingReply {
  ok: true;
  url: string;
}

export interface FlashReply {
  found: boolean;
}

export interface DescribeReply {
  /** Columns linked from this page only through hidden links (dropdowns, mobile menus). */
  hiddenOnly: string[];
  badges: { url: string; state: string; label: string; hidden: boolean }[];
}

export type BackgroundMessage =
  /** Register the overlay for granted origins and inject it into the tab (after a permission grant). */
  | { type: 'govaudit:enable'; tabId: number; origin: string }
  | { type: 'govaudit:capture'; tabId: number };

export type CaptureReply = { ok: true; evidence: CapturedEvidence } | { ok: false; error: string };
