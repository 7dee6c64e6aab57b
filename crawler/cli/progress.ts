import type { RunProgress } from '../crawl/run.ts';
import { VERDICT_TEXT } from '../../rules/model/finding.ts';
import { safeText } from '../../reports/plain-text.ts';

/**
 * Progress on long crawls: one redrawn status line on a terminal, plain log lines otherwise (CI, cron, pipes).
 * Writes to stderr so `--json` output on stdout stays clean.
 */
export function progressReporter(opts: { quiet?: boolean; tty?: boolean } = {}): (p: RunProgress) => void {
  const tty = opts.tty ?? (process.stderr.isTTY === true);
  let lastDraw = 0;
  const current = new Set<string>();
  return (p) => {
    if (opts.quiet) return;
    if (p.event === 'site-start' && p.site) current.add(p.site);
    if ((p.event === 'site-done' || p.event === 'site-skipped') && p.site) current.delete(p.site);
    if (tty) {
      const now = Date.now();
      if (p.event === 'page' && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 20;
      const filled = Math.round((p.sitesDone / Math.max(1, p.sitesTotal)) * width);
      const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] 站点 sites ${p.sitesDone}/${p.sitesTotal} · 页面 pages ${p.pages} · 错误 errors ${p.errors} · ${[...current].join(', ')}`;
      process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 120) - 1)}`);
      if (p.event === 'run-done') process.stderr.write('\n');
      return;
    }
    if (p.event === 'run-start') console.error(`运行 run ${p.runId}: ${p.sitesTotal} 个站点 sites${p.resumed ? `（续跑 resumed, ${p.sitesDone} 已完成 done）` : ''}`);
    if (p.event === 'site-start') console.error(`开始 start ${p.site}`);
    if (p.event === 'site-skipped') console.error(`跳过（已完成）skip (done) ${p.site}`);
    if (p.event === 'site-done') console.error(`完成 done ${p.site}: ${p.verdict ? VERDICT_TEXT[p.verdict].zh : ''} (${p.sitesDone}/${p.sitesTotal}, pages ${p.pages}, errors ${p.errors})`);
    if (p.event === 'site-done' && p.error) console.error(`  出错，记为待复核 / failed, stored as needs review: ${safeText(p.error)}`);
  };
}
