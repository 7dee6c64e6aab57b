import { z } from 'zod';
import { defineCheck } from './define.ts';
import { COLUMN_UNREADABLE, columnEvidence, unreadable, unreadableReason } from './evidence.ts';

/** A column has at least one item (空白栏目). Without `column:` every column found is checked. */
export default defineCheck({
  id: 'column-empty',
  needsColumn: false,
  options: z.strictObject({}),
  messages: {
    'has-content': { zh: '「{{column}}」有 {{items}} 条信息', en: '"{{column}}" has {{items}} items' },
    empty: { zh: '「{{column}}」为空白栏目', en: '"{{column}}" is an empty column' },
    unreadable: COLUMN_UNREADABLE,
    'no-column': { zh: '未找到该类栏目', en: 'No such column found' },
  },
  evaluate({ columns, report }) {
    if (columns.length === 0) return report({ outcome: 'not-applicable', messageId: 'no-column' });
    for (const column of columns) {
      const evidence = [columnEvidence(column)];
      if (unreadable(column)) report({ outcome: 'needs-review', messageId: 'unreadable', column, data: { column: column.name, reason: unreadableReason(column) }, evidence });
      else if (column.itemCount === 0) report({ outcome: 'fail', messageId: 'empty', column, data: { column: column.name }, evidence });
      else report({ outcome: 'pass', messageId: 'has-content', column, data: { column: column.name, items: column.itemCount }, evidence });
    }
  },
});
