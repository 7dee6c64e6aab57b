import { z } from 'zod';
import { defineCheck } from './define.ts';
import { columnEvidence } from './evidence.ts';

/** A required column (栏目) exists on the site. */
export default defineCheck({
  id: 'column-presence',
  needsColumn: true,
  options: z.strictObject({}),
  messages: {
    present: { zh: '已找到栏目「{{column}}」', en: 'Column "{{column}}" found' },
    missing: { zh: '未找到必备栏目「{{className}}」', en: 'Required column "{{classNameEn}}" not found' },
    'not-found-incomplete': {
      zh: '未找到栏目「{{className}}」，但站点未完整抓取，需人工核查',
      en: 'Column "{{classNameEn}}" not found, but the crawl was incomplete: check by hand',
    },
  },
  evaluate({ columns, columnClass, snapshot, rule, report }) {
    const names = { className: columnClass!.name.zh, classNameEn: columnClass!.name.en };
    if (columns.length > 0) {
      const first = columns[0];
      report({ outcome: 'pass', messageId: 'present', column: first, data: { column: first.name }, evidence: columns.map((c) => columnEvidence(c)) });
    } else if (snapshot.discoveryComplete && snapshot.home.status === 'ok') {
      // Where discovery looked and what came close, so the evaluator knows why nothing was taken.
      const why = snapshot.discoveryNotes?.find((n) => n.classId === rule.column);
      const note = why ? [why.reason, ...(why.considered ?? [])].join('；') : 'no navigation link matched';
      report({ outcome: 'fail', messageId: 'missing', data: names, evidence: [{ url: snapshot.home.url, note }] });
    } else {
      report({ outcome: 'needs-review', messageId: 'not-found-incomplete', data: names });
    }
  },
});
