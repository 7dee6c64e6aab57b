import { z } from 'zod';
import { daysBetween } from '../dates/days.ts';
import { defineCheck } from './define.ts';

/**
 * 留言 unanswered beyond the pack's limit, on the 留言/咨询/信箱 lists read: time to reply from the asked and reply
 * dates, and messages still unanswered after the limit. A list behind a login or captcha is `needs-review`.
 */
export default defineCheck({
  id: 'interaction-unanswered',
  needsText: true,
  needsColumn: false,
  options: z.strictObject({
    /** Longest wait for a reply, in calendar days (3个月 ≈ 90). */
    maxDays: z.number().int().positive(),
    /** Only messages asked within this many days before the audit date count (近1年 = 365). */
    windowDays: z.number().int().positive().default(365),
  }),
  messages: {
    unanswered: {
      zh: '留言「{{title}}」{{asked}} 提交，至今 {{days}} 天未答复（时限 {{maxDays}} 天）',
      en: 'Message "{{title}}" asked {{asked}}, unanswered for {{days}} days (limit {{maxDays}})',
    },
    'late-reply': {
      zh: '留言「{{title}}」{{asked}} 提交，{{replied}} 答复，用时 {{days}} 天（时限 {{maxDays}} 天）',
      en: 'Message "{{title}}" asked {{asked}}, answered {{replied}} after {{days}} days (limit {{maxDays}})',
    },
    answered: {
      zh: '{{list}}：近期留言 {{count}} 条，均在 {{maxDays}} 天内答复（平均 {{avgDays}} 天）',
      en: '{{list}}: {{count}} recent messages, all answered within {{maxDays}} days (average {{avgDays}})',
    },
    'reply-unknown': { zh: '{{list}}：{{count}} 条留言未标明是否答复，需人工核查', en: '{{list}}: {{count}} messages do not say whether they were answered; check by hand' },
    'no-dated': { zh: '{{list}}：未读到带日期的留言，需人工核查答复时间', en: '{{list}}: no dated messages read; check reply times by hand' },
    blocked: { zh: '{{list}} 无法读取：{{reason}}，需人工核查', en: '{{list}} could not be read: {{reason}}; check by hand' },
    'no-list': { zh: '未找到留言列表（有无咨询渠道见「无政务咨询渠道」）', en: 'No message list found (whether a channel exists is the consultation-channel rule)' },
  },
  evaluate({ options, snapshot, now, report }) {
    const lists = snapshot.interactions;
    if (!lists || lists.length === 0) return report({ outcome: 'not-applicable', messageId: 'no-list' });
    for (const list of lists) {
      if (list.status !== 'ok') {
        report({ outcome: 'needs-review', messageId: 'blocked', data: { list: list.name, reason: list.statusReason ?? list.status }, evidence: [{ url: list.url, title: list.name }] });
        continue;
      }
      const recent = list.messages.filter((m) => m.askedDate && m.askedDate <= now && daysBetween(m.askedDate, now) <= options.windowDays);
      if (recent.length === 0) {
        report({ outcome: 'needs-review', messageId: 'no-dated', data: { list: list.name }, evidence: [{ url: list.url, title: list.name }] });
        continue;
      }
      const replyDays: number[] = [];
      let late = 0;
      let unknown = 0;
      for (const m of recent) {
        const evidence = [{ url: m.url ?? list.url, title: m.title, date: m.askedDate }];
        if (m.repliedDate) {
          const days = daysBetween(m.askedDate!, m.repliedDate);
          replyDays.push(days);
          if (days > options.maxDays) {
            late++;
            report({ outcome: 'fail', messageId: 'late-reply', data: { title: m.title, asked: m.askedDate!, replied: m.repliedDate, days, maxDays: options.maxDays }, evidence });
          }
        } else if (m.state === 'unknown') {
          unknown++;
        } else if (m.state === 'unanswered') {
          const days = daysBetween(m.askedDate!, now);
          if (days > options.maxDays) {
            late++;
            report({ outcome: 'fail', messageId: 'unanswered', data: { title: m.title, asked: m.askedDate!, days, maxDays: options.maxDays }, evidence });
          }
        }
      }
      if (unknown > 0) {
        report({ outcome: 'needs-review', messageId: 'reply-unknown', data: { list: list.name, count: unknown }, evidence: [{ url: list.url, title: list.name }] });
      }
      if (late === 0 && unknown === 0) {
        const avg = replyDays.length ? Math.round(replyDays.reduce((a, b) => a + b, 0) / replyDays.length) : 0;
        report({ outcome: 'pass', messageId: 'answered', data: { list: list.name, count: recent.length, maxDays: options.maxDays, avgDays: avg }, evidence: [{ url: list.url, title: list.name }] });
      }
    }
  },
});
