import { z } from 'zod';
import { defineCheck } from './define.ts';

/**
 * An obligation a crawl cannot judge from list pages (event-triggered deadlines such as 突发事件5小时内发布,
 * 文件公布后3个工作日内解读): listed for the evaluator as `needs-review`, never guessed.
 */
export default defineCheck({
  id: 'manual-check',
  needsColumn: false,
  options: z.strictObject({ hint: z.string().min(1) }),
  messages: { manual: { zh: '需人工核查：{{hint}}', en: 'Check by hand: {{hint}}' } },
  evaluate({ options, columns, report }) {
    report({ outcome: 'needs-review', messageId: 'manual', data: { hint: options.hint }, column: columns[0] });
  },
});
