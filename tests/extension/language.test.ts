import { describe, expect, it } from 'vitest';
import { BY_CRAWLS_MESSAGE } from '../../extension/lib/audit.ts';
import { KIND_TEXT, UI_TEXT } from '../../extension/lib/i18n.ts';
import { beijingTime, findingHeadline, inLang, OUTCOME_TEXT, SEVERITY_TEXT, STATE_TEXT } from '../../reports/vocabulary.ts';
import { CHECKS } from '../../rules/checks/index.ts';
import type { Finding, LocalText } from '../../rules/model/finding.ts';

/**
 * Chinese mode is Chinese, English mode is English: every message id of the extension, of the shared vocabulary
 * and of every check. Placeholders ({{x}}), product and format names are not words of either language.
 */

const HAN = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
const ALLOWED_LATIN = /\{\{\w+\}\}|govaudit|JSON|CSV|YAML|JavaScript|report\.json|columns:|sites|Esc|URL|ICP|PDF|HTML/g;

function stripAllowed(s: string): string {
  return s.replace(ALLOWED_LATIN, '');
}

function expectBothLanguages(id: string, text: LocalText): void {
  expect(HAN.test(stripAllowed(text.en)), `${id} en: ${text.en}`).toBe(false);
  expect(/[A-Za-z]{2,}/.test(stripAllowed(text.zh)), `${id} zh: ${text.zh}`).toBe(false);
  expect(HAN.test(text.zh), `${id} zh has Chinese: ${text.zh}`).toBe(true);
}

describe('every message id in both languages', () => {
  const tables: Record<string, Record<string, LocalText>> = { UI_TEXT, STATE_TEXT, OUTCOME_TEXT, SEVERITY_TEXT, KIND_TEXT };
  for (const [name, table] of Object.entries(tables)) {
    it(name, () => {
      expect(Object.keys(table).length).toBeGreaterThan(3);
      for (const [id, text] of Object.entries(table)) expectBothLanguages(`${name}.${id}`, text);
    });
  }

  it('the availability note', () => expectBothLanguages('BY_CRAWLS_MESSAGE', BY_CRAWLS_MESSAGE));

  it('every check message', () => {
    let n = 0;
    for (const check of Object.values(CHECKS)) {
      for (const [id, text] of Object.entries(check.messages)) {
        n++;
        expect(HAN.test(stripAllowed(text.en)), `${check.id}.${id} en: ${text.en}`).toBe(false);
        expect(HAN.test(text.zh), `${check.id}.${id} zh: ${text.zh}`).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(20);
  });
});

describe('stored bilingual text shown in one language', () => {
  it('splits 「中文 / English」 reasons and translates the checks\' English evidence notes', () => {
    expect(inLang('列表由 JavaScript 生成，未找到可用浏览器 / list drawn by JavaScript and no browser available', 'zh')).toBe('列表由 JavaScript 生成，未找到可用浏览器');
    expect(inLang('列表由 JavaScript 生成，未找到可用浏览器 / list drawn by JavaScript and no browser available', 'en')).toBe('list drawn by JavaScript and no browser available');
    expect(inLang('newest dated item', 'zh')).toBe('最新一条有日期的信息');
    expect(inLang('no date', 'zh')).toBe('无发布日期');
    expect(inLang('linked from http://a.gov.cn/x; 2 attempts', 'zh')).toBe('链接所在页面 http://a.gov.cn/x；尝试 2 次');
    expect(inLang('栏目名「通知公告」= 同义词「通知公告」（见于 首页）', 'en')).toBe('name "通知公告" = synonym "通知公告" (seen on 首页)');
    expect(inLang('2026-03-04T08:05:00.000Z: timeout (15000 ms)', 'zh')).toBe('2026-03-04 16:05（北京时间）：timeout（15000 毫秒）');
  });

  it('gives times in Beijing time, across midnight UTC', () => {
    expect(beijingTime('2026-03-04T17:30:00.000Z', 'zh')).toBe('2026-03-05 01:30（北京时间）');
    expect(beijingTime('2026-03-04T17:30:00.000Z', 'en')).toBe('2026-03-05 01:30 (Beijing)');
    expect(beijingTime('2026-03-04', 'zh')).toBe('2026-03-04');
  });

  it('a met rule reads as met, not as its problem', () => {
    const base = { packId: 'p', ruleId: 'r', severity: 'veto' as const, messageId: 'present', data: {}, message: { zh: '', en: '' }, evidence: [], source: { doc: 'd' } };
    const presence: Finding = { ...base, check: 'column-presence', outcome: 'pass', ruleTitle: { zh: '缺少机构职能栏目', en: 'Institutions column missing' } };
    expect(findingHeadline(presence)).toEqual({ zh: '机构职能栏目：已设置', en: 'Institutions column: present' });
    expect(findingHeadline({ ...presence, outcome: 'fail' }).zh).toBe('缺少机构职能栏目');
    expect(findingHeadline({ ...presence, check: 'column-recency', ruleTitle: { zh: '通知公告类栏目不更新', en: 'Notice column not updated' } }).zh).toBe('通知公告类栏目不更新：未发现');
  });
});
