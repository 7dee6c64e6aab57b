import type { Command } from 'commander';
import { localDate } from '../../rules/dates/days.ts';
import { siteConfig } from '../sites/load.ts';
import { siteEntry, type SiteConfig } from '../sites/schema.ts';
import { crawlAndReport } from './crawl-commands.ts';
import { auditDateOption, choiceOption, dataDir, formatsOption, wholeNumberOption, withStore } from './options.ts';

/** The demo portal as a site, with no packs named: those in force on the demo's date apply, as for any site. */
export function demoSite(url: string): SiteConfig {
  const entry = siteEntry.parse({
    id: 'qingshan-demo', name: '青山县人民政府（演示）', url, kind: 'county', parent: '示例市', idCode: '3601230001',
    allowPrivate: true,
    limits: { delayMs: 0, perHostConcurrency: 4 },
  });
  return siteConfig(entry, { limits: {} });
}

/** The demo portal's usual port. */
export const DEMO_PORT = 47380;

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('启动内置演示门户（青山县）；加 --audit 则抓取并生成报告 / serve the built-in demo portal; with --audit, crawl it and write the scorecard')
    .option('--port <n>', `端口 / port (0 = any free port; default ${DEMO_PORT}, or any free port when it is taken)`, wholeNumberOption(0, 65535))
    .option('--today <date>', '演示日期 / the date the demo content is generated for (default today)', auditDateOption)
    .option('--variant <v>', 'baseline 或 changed（栏目变旧、错链修复）/ baseline or changed', choiceOption(['baseline', 'changed']), 'baseline')
    .option('--audit', '抓取演示门户并输出结论与报告 / crawl it, print the verdict and write the reports')
    .option('--data <dir>', '数据目录 / data directory')
    .option('--out <dir>', '报告目录 / report directory')
    .option('--format <list>', '报告格式 / report formats', formatsOption, 'html,json')
    .option('--json', 'JSON output')
    .option('--quiet', 'no progress output')
    .action(async (o: { port?: string; today?: string; variant: string; audit?: boolean; data?: string; out?: string; format: string; json?: boolean; quiet?: boolean }) => {
      const today = o.today ?? localDate(new Date());
      const { startDemoPortal } = await import('../demo/index.ts');
      const start = (port: number) => startDemoPortal({ port, today, variant: o.variant as 'baseline' | 'changed' });
      // A fixed default port keeps the demo's URLs the same from run to run, so "changes since last run" compares
      // like with like; when it is taken, any free port still gives a working demo.
      const portal = o.port !== undefined ? await start(Number(o.port)) : await start(DEMO_PORT).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EADDRINUSE') throw e;
        return start(0);
      });
      if (!o.audit) {
        console.log(`演示门户已启动 / demo portal at ${portal.url} （Ctrl-C 退出 / to stop）`);
        await new Promise<void>((done) => process.once('SIGINT', () => done()));
        await portal.close();
        return;
      }
      try {
        if (!o.json) console.error(`演示门户 demo portal: ${portal.url}`);
        await withStore(dataDir(o.data), (store) => crawlAndReport([demoSite(portal.url)], { ...o, today, sitesFile: `demo:${o.variant}` }, store));
      } finally {
        await portal.close();
      }
    });
}
