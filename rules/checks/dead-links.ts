import { z } from 'zod';
import { defineCheck } from './define.ts';

/** Links that fail on two attempts are dead (one finding each, so deductions can count them); 403/429/timeouts need review. */
export default defineCheck({
  id: 'dead-links',
  needsColumn: false,
  options: z.strictObject({}),
  messages: {
    none: { zh: '检查 {{checked}} 个链接，未发现错链', en: '{{checked}} links checked, none dead' },
    dead: { zh: '错链：{{url}}（{{reason}}）', en: 'Dead link: {{url}} ({{reason}})' },
    unverified: { zh: '链接无法确认：{{url}}（{{reason}}）', en: 'Link could not be verified: {{url}} ({{reason}})' },
    'none-checked': { zh: '未检查链接', en: 'No links were checked' },
  },
  evaluate({ snapshot, report }) {
    const links = snapshot.links;
    if (links.length === 0) return report({ outcome: 'not-applicable', messageId: 'none-checked' });
    for (const link of links) {
      if (link.status === 'ok') continue;
      const data = { url: link.url, reason: link.reason ?? String(link.httpStatus ?? ''), text: link.text ?? '' };
      const evidence = [{ url: link.url, title: link.text, note: `linked from ${link.fromUrl}; ${link.attempts} attempts` }];
      report({ outcome: link.status === 'dead' ? 'fail' : 'needs-review', messageId: link.status === 'dead' ? 'dead' : 'unverified', data, evidence });
    }
    if (links.every((l) => l.status === 'ok')) report({ outcome: 'pass', messageId: 'none', data: { checked: links.length } });
  },
});
