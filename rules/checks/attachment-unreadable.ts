import { z } from 'zod';
import { defineCheck } from './define.ts';

/** Attachments whose text could not be read (DOC, WPS, encrypted, too big): listed for a person, never skipped. */
export default defineCheck({
  id: 'attachment-unreadable',
  needsText: true,
  needsColumn: false,
  options: z.strictObject({}),
  messages: {
    unreadable: { zh: '附件未能读取：{{url}}（{{format}}，{{reason}}），需人工检查其内容', en: 'Attachment not read: {{url}} ({{format}}, {{reason}}); check its content by hand' },
    'all-read': { zh: '已读取附件 {{read}} 个', en: '{{read}} attachments read' },
    none: { zh: '所读页面未链接附件', en: 'No attachments linked from the pages read' },
    'not-read': { zh: '未检查附件', en: 'Attachments were not looked for' },
  },
  evaluate({ snapshot, report }) {
    const all = snapshot.attachments;
    if (!all) return report({ outcome: 'not-applicable', messageId: 'not-read' });
    if (all.length === 0) return report({ outcome: 'not-applicable', messageId: 'none' });
    for (const a of all) {
      if (a.status === 'read') continue;
      report({
        outcome: 'needs-review',
        messageId: 'unreadable',
        data: { url: a.url, format: a.format, reason: a.reason ?? a.status },
        evidence: [{ url: a.url, title: a.linkText, note: `linked from ${a.fromUrl}` }],
      });
    }
    if (all.every((a) => a.status === 'read')) report({ outcome: 'pass', messageId: 'all-read', data: { read: all.length } });
  },
});
