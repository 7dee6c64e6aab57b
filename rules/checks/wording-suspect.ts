import { z } from 'zod';
import lexiconFile from '../packs/lexicons/wording-lexicon.json' with { type: 'json' };
import { wordingEntry, wordingLexicon, type WordingEntryDef } from '../schema/pack.ts';
import { findWordingErrors } from '../text/wording.ts';
import { defineCheck } from './define.ts';
import { textWhere } from './personal-info-exposed.ts';

/** The national lexicon, validated once when the check is loaded (a bad entry fails every test run). */
export const NATIONAL_WORDING: readonly WordingEntryDef[] = wordingLexicon.parse(lexiconFile).entries;

/** Matches shown per text; the count says how many there are. */
const SHOWN = 5;

/**
 * 疑似严重表述错误: wrong forms of fixed official phrases, wrong or outdated names of bodies, from the lexicon. Always
 * `needs-review`: a person reads the context and confirms (an old name in a history piece is right).
 */
export default defineCheck({
  id: 'wording-suspect',
  needsText: true,
  needsColumn: false,
  options: z.strictObject({
    /** Use the national lexicon (rules/packs/lexicons/wording-lexicon.json). */
    national: z.boolean().default(true),
    /** A pack's own entries (a province's names and phrases), added to the national ones. */
    entries: z.array(wordingEntry).default([]),
  }),
  messages: {
    suspect: {
      zh: '疑似表述错误：{{where}} 第{{line}}行「{{wrong}}」，规范表述应为「{{correct}}」：{{context}}',
      en: 'Possible wording error: {{where}} line {{line}} "{{wrong}}", the fixed form is "{{correct}}": {{context}}',
    },
    none: { zh: '已检查 {{texts}} 个页面或附件，未发现词库所列错误表述', en: '{{texts}} pages or attachments checked, no lexicon wording error found' },
    'not-read': { zh: '未读取页面正文，无法检查表述', en: 'No page text was read; wording not checked' },
  },
  evaluate({ options, snapshot, report }) {
    const texts = snapshot.texts;
    if (!texts || texts.length === 0) return report({ outcome: 'not-applicable', messageId: 'not-read' });
    const entries = [...(options.national ? NATIONAL_WORDING : []), ...options.entries];
    let found = 0;
    for (const t of texts) {
      for (const m of findWordingErrors(t.text, entries, { date: t.date }).slice(0, SHOWN)) {
        found++;
        const entry = entries.find((e) => e.id === m.entryId)!;
        report({
          outcome: 'needs-review',
          messageId: 'suspect',
          data: { where: textWhere(t), line: m.line, wrong: m.wrong, correct: m.correct, context: m.context, entry: m.entryId, source: entry.source.doc },
          evidence: [{ url: t.url, title: t.title, note: `${t.part ? t.part + ' ' : ''}第${m.line}行：${m.context}（依据：${entry.source.doc}${entry.source.item ? ' ' + entry.source.item : ''}）` }],
        });
      }
    }
    if (found === 0) report({ outcome: 'pass', messageId: 'none', data: { texts: texts.length } });
  },
});
