import type { CheckDefinition } from './define.ts';
import annualReportFormat from './annual-report-format.ts';
import columnEmpty from './column-empty.ts';
import columnPresence from './column-presence.ts';
import columnRecency from './column-recency.ts';
import deadLinks from './dead-links.ts';
import homepageFreshness from './homepage-freshness.ts';
import homepageVolume from './homepage-volume.ts';
import manualCheck from './manual-check.ts';
import periodicObligation from './periodic-obligation.ts';
import publicationLag from './publication-lag.ts';
import siteAvailability from './site-availability.ts';
import siteIdentity from './site-identity.ts';
import websiteAnnualReport from './website-annual-report.ts';
import yearlyDeadline from './yearly-deadline.ts';
import attachmentUnreadable from './attachment-unreadable.ts';
import interactionUnanswered from './interaction-unanswered.ts';
import outgoingLinkSuspect from './outgoing-link-suspect.ts';
import personalInfoExposed from './personal-info-exposed.ts';
import wordingSuspect from './wording-suspect.ts';

/** Column classes whose newest detail page a rule of these packs reads (the crawler keeps that page's content). */
export function detailColumnClasses(packs: readonly { rules: readonly { check: string; column?: string }[] }[]): Set<string> {
  return new Set(packs.flatMap((p) => p.rules.filter((r) => r.column && CHECKS[r.check]?.needsDetail).map((r) => r.column!)));
}

/** Whether a rule of these packs reads page text, attachments, 留言 lists or outgoing links (else the crawl skips that reading). */
export function usesTextChecks(packs: readonly { rules: readonly { check: string }[] }[]): boolean {
  return packs.some((p) => p.rules.some((r) => CHECKS[r.check]?.needsText));
}

/** Every check type a pack may name, by id (file name == check id). */
export const CHECKS: Record<string, CheckDefinition> = Object.fromEntries(
  [columnPresence, columnRecency, columnEmpty, periodicObligation, yearlyDeadline, homepageFreshness, homepageVolume, deadLinks, siteAvailability, siteIdentity, publicationLag, manualCheck, websiteAnnualReport, annualReportFormat, personalInfoExposed, attachmentUnreadable, wordingSuspect, interactionUnanswered, outgoingLinkSuspect].map((c) => [c.id, c as CheckDefinition]),
);
