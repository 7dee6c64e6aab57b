import attachmentUnreadable from '../../rules/checks/attachment-unreadable.ts';
import interactionUnanswered from '../../rules/checks/interaction-unanswered.ts';
import outgoingLinkSuspect from '../../rules/checks/outgoing-link-suspect.ts';
import personalInfoExposed from '../../rules/checks/personal-info-exposed.ts';
import wordingSuspect from '../../rules/checks/wording-suspect.ts';
import { observeText } from '../../rules/text/observe.ts';
import { idCheckCharacter } from '../../rules/text/personal-info.ts';
import { RuleTester } from './rule-tester.ts';

const tester = new RuleTester({ now: '2026-01-15' });
const ID = '35020319850312123' + idCheckCharacter('35020319850312123');
const BAD_ID = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
const page = (text: string, url = 'http://127.0.0.1/gs/1.html') => observeText(text, { url, source: 'page', title: '公示', date: '2026-01-10' });
const attachment = (text: string) => observeText(text, { url: 'http://127.0.0.1/files/list.pdf', source: 'attachment', fromUrl: 'http://127.0.0.1/gs/1.html', part: '第2页' });

tester.run(personalInfoExposed, {
  valid: [
    { name: 'masked numbers pass', options: { kind: 'id-number' }, snapshot: { texts: [page('张三 35*************123 电话 138****1234')] } },
    { name: 'a wrong check digit is no ID number', options: { kind: 'id-number' }, snapshot: { texts: [page(`张三 ${BAD_ID}`)] } },
    { name: 'no text read is not applicable', options: { kind: 'mobile' }, snapshot: {} },
  ],
  invalid: [
    {
      name: 'a valid ID number on a public page fails, shown masked with its line',
      options: { kind: 'id-number', outcome: 'fail' },
      snapshot: { texts: [page(`公示\n张三 ${ID}`)] },
      findings: [{ outcome: 'fail', messageId: 'exposed', data: { count: 1, numbers: `35*************${ID.slice(15)}（第2行）` } }],
    },
    {
      name: 'a mobile number in every page footer is one finding that says how many places show it',
      options: { kind: 'mobile', outcome: 'needs-review' },
      snapshot: { texts: [page('正文一\n监督电话 13912345678', 'http://127.0.0.1/a.html'), page('正文二\n监督电话 13912345678', 'http://127.0.0.1/b.html'), page('正文三\n监督电话 13912345678', 'http://127.0.0.1/c.html')] },
      findings: [{ outcome: 'needs-review', messageId: 'exposed', data: { count: 1, numbers: '139****5678（第2行，另见于 2 处）' } }],
    },
    {
      name: 'a mobile number in an attachment needs review, naming the attachment and its page',
      options: { kind: 'mobile', outcome: 'needs-review' },
      snapshot: { texts: [attachment('联系人 王五 13912345678')] },
      findings: [{ outcome: 'needs-review', messageId: 'exposed', data: { count: 1, numbers: '139****5678（第1行）', where: '附件 http://127.0.0.1/files/list.pdf 第2页（链接自 http://127.0.0.1/gs/1.html）' } }],
    },
  ],
});

tester.run(attachmentUnreadable, {
  valid: [{ name: 'every attachment read', snapshot: { attachments: [{ url: 'http://127.0.0.1/a.pdf', fromUrl: 'http://127.0.0.1/', format: 'pdf', status: 'read', parts: 2 }] } }],
  invalid: [
    {
      name: 'a DOC file is listed with its reason',
      snapshot: { attachments: [{ url: 'http://127.0.0.1/a.doc', fromUrl: 'http://127.0.0.1/', format: 'doc', status: 'unreadable', reason: '旧版 Word 格式（DOC）无法读取' }] },
      findings: [{ outcome: 'needs-review', messageId: 'unreadable', data: { format: 'doc' } }],
    },
  ],
});

tester.run(wordingSuspect, {
  valid: [
    { name: 'the correct forms pass', snapshot: { texts: [page('深入学习贯彻习近平新时代中国特色社会主义思想，经原国土资源部批准。')] } },
  ],
  invalid: [
    {
      name: 'an outdated ministry name is a suspicion with context',
      snapshot: { texts: [page('根据国土资源部有关要求开展检查')] },
      findings: [{ outcome: 'needs-review', messageId: 'suspect', data: { wrong: '国土资源部', correct: '自然资源部', line: 1 } }],
    },
    {
      name: 'a province adds its own entry',
      options: { national: false, entries: [{ id: 'province-name', correct: '黑龙江省', wrong: ['黑龙江生'], kind: 'misspelt', source: { doc: '行政区划' }, test: { flags: '黑龙江生', passes: '黑龙江省' } }] },
      snapshot: { texts: [page('黑龙江生人民政府')] },
      findings: [{ outcome: 'needs-review', messageId: 'suspect', data: { wrong: '黑龙江生', correct: '黑龙江省' } }],
    },
  ],
});

tester.run(interactionUnanswered, {
  valid: [
    {
      name: 'messages answered within the limit',
      options: { maxDays: 90 },
      snapshot: { interactions: [{ url: 'http://127.0.0.1/hd/', name: '领导信箱', status: 'ok', messages: [{ title: '咨询社保', askedDate: '2025-12-01', repliedDate: '2025-12-05', state: 'replied' }] }] },
    },
  ],
  invalid: [
    {
      name: 'a message unanswered for more than 90 days fails; one answered late fails too',
      options: { maxDays: 90 },
      snapshot: { interactions: [{ url: 'http://127.0.0.1/hd/', name: '领导信箱', status: 'ok', messages: [
        { title: '道路维修', askedDate: '2025-09-01', state: 'unanswered' },
        { title: '低保申请', askedDate: '2025-06-01', repliedDate: '2025-10-01', state: 'replied' },
        { title: '学校招生', askedDate: '2026-01-10', state: 'unanswered' },
      ] }] },
      findings: [
        { outcome: 'fail', messageId: 'unanswered', data: { days: 136 } },
        { outcome: 'fail', messageId: 'late-reply', data: { days: 122 } },
      ],
    },
    {
      name: 'a list behind a login needs review with that reason',
      options: { maxDays: 90 },
      snapshot: { interactions: [{ url: 'http://127.0.0.1/hd/', name: '咨询投诉', status: 'needs-review', statusReason: '需要登录', messages: [] }] },
      findings: [{ outcome: 'needs-review', messageId: 'blocked', data: { reason: '需要登录' } }],
    },
  ],
});

tester.run(outgoingLinkSuspect, {
  valid: [{ name: 'a body on .gov.cn passes', snapshot: { outgoingLinks: [{ url: 'http://www.gov.cn/', text: '中华人民共和国中央人民政府', fromUrl: 'http://127.0.0.1/' }] } }],
  invalid: [
    {
      name: 'a body name on a commercial host and a gambling link are suspicions',
      snapshot: { outgoingLinks: [
        { url: 'http://www.xxjyj.com/', text: 'XX市教育局', fromUrl: 'http://127.0.0.1/' },
        { url: 'http://127.0.0.1:9/x', text: '澳门新葡京娱乐城', fromUrl: 'http://127.0.0.1/' },
      ] },
      findings: [
        { outcome: 'needs-review', messageId: 'off-government' },
        { outcome: 'needs-review', messageId: 'pattern', data: { kind: 'gambling' } },
      ],
    },
  ],
});
