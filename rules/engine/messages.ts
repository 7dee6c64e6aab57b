import type { DataValue, LocalText } from '../model/finding.ts';

/** Messages the engine itself reports, outside any check. */
export const ENGINE_MESSAGES: Record<string, LocalText> = {
  'pack-not-in-force': { zh: '规则包在 {{now}} 不在有效期内（{{validFrom}} 至 {{validTo}}）', en: 'Pack not in force on {{now}} ({{validFrom}} to {{validTo}})' },
  'rule-not-in-force': { zh: '本条规则在 {{now}} 不在有效期内', en: 'Rule not in force on {{now}}' },
  'one-off-expired': { zh: '一次性任务（有截止期限），规则包在有效期外适用时不再评判', en: 'A one-off duty with its own deadline: not judged when the pack is applied outside its validity' },
  'site-kind': { zh: '不适用于此类站点（{{kind}}）', en: 'Does not apply to this kind of site ({{kind}})' },
  'check-error': { zh: '检查出错：{{error}}', en: 'Check failed: {{error}}' },
  'no-report': { zh: '检查未给出结论', en: 'The check reported nothing' },
};

/** Fills `{{name}}` placeholders; an unknown name stays visible rather than silently vanishing. */
export function renderMessage(template: LocalText, data: Record<string, DataValue>): LocalText {
  const fill = (t: string) => t.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
  return { zh: fill(template.zh), en: fill(template.en) };
}
