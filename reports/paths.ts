/**
 * File names derived from site ids. Ids come from sites files written by people: anything outside [A-Za-z0-9_-]
 * (dots included) is hex-encoded as `~` and six hex digits, so a name can neither leave the folder (`../`) nor collide with
 * another id's file. Ids valid in a sites file pass unchanged.
 */
export function safeFileStem(id: string): string {
  const stem = [...id].map((c) => (/^[A-Za-z0-9_-]$/.test(c) ? c : `~${c.codePointAt(0)!.toString(16).padStart(6, '0')}`)).join('');
  return stem || '~';
}

/** A site's scorecard, relative to the run's report folder. */
export function siteReportPath(siteId: string): string {
  return `sites/${safeFileStem(siteId)}.html`;
}
