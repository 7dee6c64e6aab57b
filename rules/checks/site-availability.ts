import { z } from 'zod';
import { defineCheck } from './define.ts';

/** Share of timed visits that failed or took longer than the limit (站点无法访问). */
export default defineCheck({
  id: 'site-availability',
  needsColumn: false,
  options: z.strictObject({
    maxFailureRate: z.number().min(0).max(1),
    timeoutMs: z.number().int().positive().default(15000),
    /** Fewer samples than this cannot fail a site: the official monitoring takes ≥20 a day for a week. */
    minSamples: z.number().int().positive().default(20),
  }),
  messages: {
    available: { zh: '{{samples}} 次访问中 {{failures}} 次失败（{{rate}}%）', en: '{{failures}} of {{samples}} visits failed ({{rate}}%)' },
    unavailable: { zh: '{{samples}} 次访问中 {{failures}} 次失败（{{rate}}%，限 {{limit}}%）', en: '{{failures}} of {{samples}} visits failed ({{rate}}%, limit {{limit}}%)' },
    'too-few-samples': { zh: '{{samples}} 次访问中 {{failures}} 次失败，样本不足 {{minSamples}} 次，需持续监测', en: '{{failures}} of {{samples}} visits failed; fewer than {{minSamples}} samples: keep monitoring' },
    'no-samples': { zh: '无访问记录', en: 'No visits recorded' },
  },
  evaluate({ snapshot, options, report }) {
    const samples = snapshot.availability;
    if (samples.length === 0) return report({ outcome: 'needs-review', messageId: 'no-samples' });
    const failed = samples.filter((s) => !s.ok || (s.ms ?? 0) > options.timeoutMs);
    const rate = failed.length / samples.length;
    const data = { samples: samples.length, failures: failed.length, rate: Math.round(rate * 1000) / 10, limit: options.maxFailureRate * 100, minSamples: options.minSamples };
    const evidence = failed.slice(0, 5).map((s) => ({ note: `${s.at}: ${s.reason ?? s.httpStatus ?? 'slow'}${s.ms ? ` (${s.ms} ms)` : ''}` }));
    if (rate < options.maxFailureRate) report({ outcome: 'pass', messageId: 'available', data, evidence });
    else if (samples.length < options.minSamples) report({ outcome: 'needs-review', messageId: 'too-few-samples', data, evidence });
    else report({ outcome: 'fail', messageId: 'unavailable', data, evidence });
  },
});
