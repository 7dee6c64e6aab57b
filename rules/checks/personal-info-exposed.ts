import { z } from 'zod';
import type { PersonalNumberObservation, TextObservation } from '../model/snapshot.ts';
import { defineCheck } from './define.ts';

const KIND_NAMES = {
  'id-number': { zh: '居民身份证号', en: 'resident ID number' },
  mobile: { zh: '手机号码', en: 'mobile number' },
  'bank-card': { zh: '银行卡号', en: 'bank card number' },
} as const;

/** Masked numbers shown per finding; the count says how many there are. */
const SHOWN = 5;

export function textWhere(t: TextObservation): string {
  return t.source === 'attachment' ? `附件 ${t.url}${t.part ? ` ${t.part}` : ''}（链接自 ${t.fromUrl ?? ''}）` : t.url;
}

/**
 * Unmasked personal numbers in published text (pages and attachments): one finding per page or attachment part,
 * with the numbers shown masked and the line each sits on. The numbers were masked when the snapshot was built.
 */
export default defineCheck({
  id: 'personal-info-exposed',
  needsText: true,
  needsColumn: false,
  options: z.strictObject({
    kind: z.enum(['id-number', 'mobile', 'bank-card']),
    /** `fail` where the number alone is a leak (ID numbers); `needs-review` where it may be published on purpose. */
    outcome: z.enum(['fail', 'needs-review']).default('fail'),
  }),
  messages: {
    exposed: {
      zh: '{{where}} 含未脱敏{{kindName}} {{count}} 个：{{numbers}}',
      en: '{{where}} shows {{count}} unmasked {{kindNameEn}}(s): {{numbers}}',
    },
    none: { zh: '已检查 {{texts}} 个页面或附件，未发现未脱敏{{kindName}}', en: '{{texts}} pages or attachments checked, no unmasked {{kindNameEn}}' },
    'not-read': { zh: '未读取页面正文，无法检查{{kindName}}', en: 'No page text was read; {{kindNameEn}}s not checked' },
  },
  evaluate({ options, snapshot, report }) {
    const names = { kindName: KIND_NAMES[options.kind].zh, kindNameEn: KIND_NAMES[options.kind].en };
    const texts = snapshot.texts;
    if (!texts || texts.length === 0) return report({ outcome: 'not-applicable', messageId: 'not-read', data: names });
    // A mobile or card number on every page (a footer's 监督电话) is one finding, naming how many pages show it. ID
    // numbers are never merged: two different ones can share a masked form.
    const firstSeen = new Map<string, TextObservation>();
    const pagesWith = new Map<string, number>();
    for (const t of texts) {
      for (const h of new Set(t.personal.filter((p) => p.kind === options.kind).map((p) => p.masked))) {
        if (!firstSeen.has(h)) firstSeen.set(h, t);
        pagesWith.set(h, (pagesWith.get(h) ?? 0) + 1);
      }
    }
    const merge = options.kind !== 'id-number';
    let found = 0;
    for (const t of texts) {
      const hits = t.personal.filter((p) => p.kind === options.kind && (!merge || firstSeen.get(p.masked) === t));
      if (hits.length === 0) continue;
      found++;
      const elsewhere = (h: PersonalNumberObservation) => (merge && pagesWith.get(h.masked)! > 1 ? `，另见于 ${pagesWith.get(h.masked)! - 1} 处` : '');
      const numbers = hits.slice(0, SHOWN).map((h) => `${h.masked}（第${h.line}行${elsewhere(h)}）`).join('、') + (hits.length > SHOWN ? ' …' : '');
      report({
        outcome: options.outcome,
        messageId: 'exposed',
        data: { ...names, where: textWhere(t), count: hits.length, numbers },
        evidence: hits.slice(0, SHOWN).map((h) => ({ url: t.url, title: t.title, note: `${t.part ? t.part + ' ' : ''}第${h.line}行：${h.context}` })),
      });
    }
    if (found === 0) report({ outcome: 'pass', messageId: 'none', data: { ...names, texts: texts.length } });
  },
});
