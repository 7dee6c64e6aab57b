import { describe, expect, it } from 'vitest';
import { NATIONAL_WORDING } from '../../rules/checks/wording-suspect.ts';
import { NATIONAL_LINK_PATTERNS } from '../../rules/checks/outgoing-link-suspect.ts';
import { isGovernmentHost, judgeOutgoingLink, namesGovernmentBody } from '../../rules/text/link-host.ts';
import { maskDeep } from '../../rules/text/mask-deep.ts';
import { observeText } from '../../rules/text/observe.ts';
import { findPersonalNumbers, idCheckCharacter, isValidIdNumber, luhnValid, maskPersonalNumbers } from '../../rules/text/personal-info.ts';
import { findWordingErrors } from '../../rules/text/wording.ts';
import { messageListBlocked, readMessageList } from '../../rules/text/message-list.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';

/** A well-formed ID number for a region and birth date (GB 11643 check character computed). */
export function idNumber(first17: string): string {
  return first17 + idCheckCharacter(first17);
}
/** The same number with a wrong check character. */
function badCheck(id: string): string {
  const wrong = '0123456789X'.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}
/** A Luhn-valid card number from its first digits. */
function card(prefix: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}

const ID = idNumber('35020319850312123');
const ID_X = (() => {
  for (let n = 100; n < 999; n++) {
    const id = idNumber(`11010519900101${n}`);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X');
})();

describe('personal numbers', () => {
  it('finds a valid 18-digit ID number and masks it', () => {
    const hits = findPersonalNumbers(`公示名单：张三，身份证号${ID}，住址略。`);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'id-number', masked: `35*************${ID.slice(15)}` });
  });
  it('reads an ID ending in X (also lower case and full-width)', () => {
    expect(findPersonalNumbers(`号码 ${ID_X}`)[0].kind).toBe('id-number');
    expect(findPersonalNumbers(`号码 ${ID_X.toLowerCase()}`)[0].kind).toBe('id-number');
    const fullWidth = ID_X.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace('X', 'Ｘ');
    expect(findPersonalNumbers(`号码${fullWidth}`)[0].kind).toBe('id-number');
  });
  it('never flags a wrong check digit, an impossible birth date or an unknown province', () => {
    expect(isValidIdNumber(ID)).toBe(true);
    expect(findPersonalNumbers(`身份证号${badCheck(ID)}`)).toEqual([]);
    expect(isValidIdNumber(idNumber('35020319850230123'))).toBe(false); // 30 February
    expect(isValidIdNumber(idNumber('99020319850312123'))).toBe(false); // no province 99
    expect(isValidIdNumber(idNumber('35020320300312123'), '2026-01-15')).toBe(false); // born after the audit
  });
  it('leaves masked forms alone', () => {
    const text = '联系人：李四 138****1234；身份证号 35*************123；350203********1234；卡号 6222 **** **** 1234';
    expect(findPersonalNumbers(text)).toEqual([]);
    expect(maskPersonalNumbers(text)).toBe(text);
  });
  it('finds mobile numbers, plain and grouped, but not inside longer digit runs', () => {
    const text = '咨询电话13812345678，或 139-1234-5678；订单号 2013812345678901；固话 0591-87654321';
    expect(findPersonalNumbers(text).map((h) => h.masked)).toEqual(['138****5678'.replace('5678', '5678'), '139****5678']);
    expect(findPersonalNumbers('编号 113812345678')).toEqual([]);
    expect(findPersonalNumbers('号码 12812345678')).toEqual([]); // 12x is no mobile prefix
  });
  it('finds a bank card only with a context word and a valid Luhn digit', () => {
    const number = card('622202123456789012');
    expect(findPersonalNumbers(`收款人银行卡号：${number}`)).toMatchObject([{ kind: 'bank-card', masked: `6222${'*'.repeat(11)}${number.slice(-4)}` }]);
    expect(findPersonalNumbers(`文件编号 ${number}`)).toEqual([]);
    const broken = number.slice(0, 18) + ((Number(number[18]) + 1) % 10);
    expect(findPersonalNumbers(`银行卡号：${broken}`)).toEqual([]);
    const grouped = number.slice(0, 16).replace(/(\d{4})(?=\d)/g, '$1 ') + ' ' + number.slice(16);
    expect(findPersonalNumbers(`账号 ${grouped}`)[0]?.kind).toBe('bank-card');
  });
  it('observeText keeps lines, masks the text and the context, and records the line', () => {
    const obs = observeText(`第一行\n公示名单\n王五 ${ID} 13812345678`, { url: 'http://127.0.0.1/a.html', source: 'page' });
    expect(obs.personal.map((p) => [p.kind, p.line])).toEqual([['id-number', 3], ['mobile', 3]]);
    expect(obs.text).not.toContain(ID);
    expect(obs.text).not.toContain('13812345678');
    for (const p of obs.personal) expect(p.context).not.toMatch(/\d{11}/);
  });
  it('maskDeep masks strings anywhere, and only ID numbers inside URLs', () => {
    const v = maskDeep({ title: `名单${ID}`, url: `http://x.gov.cn/art/13812345678.html?id=${ID}`, list: [{ note: '电话13812345678' }] });
    expect(v.title).toBe(`名单35*************${ID.slice(15)}`);
    expect(v.url).toContain('13812345678.html');
    expect(v.url).not.toContain(ID);
    expect(v.list[0].note).toBe('电话138****5678');
  });
});

describe('wording lexicon: every entry flags its wrong form and passes its correct use', () => {
  for (const entry of NATIONAL_WORDING) {
    it(`${entry.id}: ${entry.wrong[0]} → ${entry.correct}`, () => {
      const o = { date: entry.test.date };
      expect(findWordingErrors(entry.test.flags, [entry], o).length, entry.test.flags).toBeGreaterThan(0);
      expect(findWordingErrors(entry.test.passes, [entry], o), entry.test.passes).toEqual([]);
      // An outdated name on a page written before the change is no error.
      if (entry.since) expect(findWordingErrors(entry.test.flags, [entry], { date: '2016-05-01' })).toEqual([]);
      expect(entry.source.doc.length).toBeGreaterThan(0);
    });
  }
  it('shows the context and the line', () => {
    const [m] = findWordingErrors('标题\n根据国土资源部有关要求，开展检查。', NATIONAL_WORDING, { date: '2025-06-01' });
    expect(m).toMatchObject({ entryId: 'land-resources-ministry', line: 2, correct: '自然资源部' });
    expect(m.context).toContain('【国土资源部】');
  });

  it('an older date on the line excuses an outdated name; an impossible date does not', () => {
    expect(findWordingErrors('2016-09-09 国土资源部发布通知', NATIONAL_WORDING, { date: '2025-06-01' })).toEqual([]);
    expect(findWordingErrors('编号2016-13-45 国土资源部发布通知', NATIONAL_WORDING, { date: '2025-06-01' }).map((m) => m.entryId)).toEqual(['land-resources-ministry']);
  });
});

describe('outgoing links', () => {
  for (const p of NATIONAL_LINK_PATTERNS) {
    it(`pattern ${p.id} flags its example and passes the near miss`, () => {
      const flagged = judgeOutgoingLink(p.test.flags.startsWith('http') ? p.test.flags : 'https://example.com/', p.test.flags, [p]);
      expect(flagged.some((s) => s.patternId === p.id)).toBe(true);
      const passed = judgeOutgoingLink(p.test.passes.startsWith('http') ? p.test.passes : 'https://example.com/', p.test.passes, [p]);
      expect(passed.some((s) => s.patternId === p.id)).toBe(false);
    });
  }
  it('government hosts', () => {
    expect(isGovernmentHost('www.gov.cn')).toBe(true);
    expect(isGovernmentHost('jyj.zhecheng.gov.cn')).toBe(true);
    expect(isGovernmentHost('zhecheng-gov.cn')).toBe(false);
    expect(isGovernmentHost('www.gov.cn.example.com')).toBe(false);
  });
  it('link text naming a body', () => {
    expect(namesGovernmentBody('XX市教育局')).toBe(true);
    expect(namesGovernmentBody('国家市场监督管理总局')).toBe(true);
    expect(namesGovernmentBody('XX县人民政府')).toBe(true);
    expect(namesGovernmentBody('县人民医院')).toBe(false);
    expect(namesGovernmentBody('青年俱乐部')).toBe(false);
    expect(namesGovernmentBody('更多')).toBe(false);
  });
  it('a body name on a non-government host is suspect; on .gov.cn it is not', () => {
    expect(judgeOutgoingLink('http://www.xxjyj.com/', 'XX市教育局', [])).toEqual([{ reason: 'body-name-off-government' }]);
    expect(judgeOutgoingLink('http://jyj.xx.gov.cn/', 'XX市教育局', [])).toEqual([]);
  });
});

it('an outdated name on a new page is excused on a line dated before the change, and on an undated page', () => {
  const text = '2016-09-09 国土资源部召开会议\n2025-06-01 根据国土资源部要求开展检查';
  expect(findWordingErrors(text, NATIONAL_WORDING, { date: '2025-06-01' }).map((m) => m.line)).toEqual([2]);
  expect(findWordingErrors(text, NATIONAL_WORDING)).toEqual([]);
});

describe('留言 lists', () => {
  const doc = (html: string) => pageFromHtml(`<html><body>${html}</body></html>`, 'http://127.0.0.1/hdjl/');
  it('reads asked and reply dates from a table, and the state words', () => {
    const messages = readMessageList(doc(`<table>
<tr><th>标题</th><th>留言时间</th><th>回复时间</th><th>状态</th></tr>
<tr><td><a href="/hd/1.html">关于路灯维修的咨询</a></td><td>2025-10-08</td><td>2025-10-12</td><td>已回复</td></tr>
<tr><td><a href="/hd/2.html">关于低保申请的咨询</a></td><td>2025-08-01</td><td></td><td>未回复</td></tr>
<tr><td><a href="/hd/3.html">关于学校招生的咨询</a></td><td>2025年9月3日</td><td></td><td></td></tr>
</table>`));
    expect(messages).toEqual([
      { title: '关于路灯维修的咨询', url: 'http://127.0.0.1/hd/1.html', askedDate: '2025-10-08', repliedDate: '2025-10-12', state: 'replied' },
      { title: '关于低保申请的咨询', url: 'http://127.0.0.1/hd/2.html', askedDate: '2025-08-01', state: 'unanswered' },
      { title: '关于学校招生的咨询', url: 'http://127.0.0.1/hd/3.html', askedDate: '2025-09-03', state: 'unknown' },
    ]);
  });
  it('a list behind a login or a captcha says so', () => {
    expect(messageListBlocked(doc('<form><input name="user"><input type="password" name="pwd"></form>'))).toContain('登录');
    expect(messageListBlocked(doc('<form><input name="q"><img src="/captcha.jsp"><input name="yzm"></form><p>请输入验证码查询</p>'))).toContain('验证码');
    expect(messageListBlocked(doc('<ul><li><a href="/1.html">咨询</a> 2025-01-01 已回复</li></ul>'))).toBeUndefined();
  });
});
