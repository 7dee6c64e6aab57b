import { z } from 'zod';
import { defineCheck } from './define.ts';
import { HOME_UNREADABLE, unreadable, unreadableReason } from './evidence.ts';

/** Footer identity marks (网站标识码, ICP备案, 公网安备 …) appear on the home page. */
export default defineCheck({
  id: 'site-identity',
  needsColumn: false,
  options: z.strictObject({
    marks: z.array(z.strictObject({ id: z.string().min(1), label: z.string().min(1), pattern: z.string().min(1) })).min(1),
  }),
  messages: {
    present: { zh: '首页标识齐全：{{marks}}', en: 'Home-page identity marks present: {{marks}}' },
    missing: { zh: '首页缺少：{{marks}}', en: 'Home page lacks: {{marks}}' },
    unreadable: HOME_UNREADABLE,
  },
  evaluate({ snapshot, options, report }) {
    const home = snapshot.home;
    if (unreadable(home)) return report({ outcome: 'needs-review', messageId: 'unreadable', data: { reason: unreadableReason(home) } });
    const haystack = [home.footerText ?? '', ...Object.entries(home.meta ?? {}).map(([k, v]) => `${k}=${v}`)].join('\n');
    const missing = options.marks.filter((m) => !new RegExp(m.pattern, 'u').test(haystack));
    const evidence = [{ url: home.url, note: (home.footerText ?? '').slice(0, 200) }];
    if (missing.length === 0) report({ outcome: 'pass', messageId: 'present', data: { marks: options.marks.map((m) => m.label).join('、') }, evidence });
    else report({ outcome: 'fail', messageId: 'missing', data: { marks: missing.map((m) => m.label).join('、') }, evidence });
  },
});
