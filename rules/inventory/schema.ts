import { z } from 'zod';
import { validateYaml } from '../loader/yaml-input.ts';

/**
 * The obligation inventory of one plan: every sentence that obliges someone to publish something (or to do something
 * by a date), what, where, how often or by when, by whom, and whether a crawl can judge it. `duties` name the rule
 * that enforces each clause and what that rule must look like, so the coverage check can tell a rule that enforces
 * the sentence from one that merely quotes it.
 */

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const cadence = z.strictObject({
  frequency: z.enum(['daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly']),
  dueWithin: z.strictObject({ amount: z.number().int().min(0), unit: z.enum(['days', 'workdays']) }).optional(),
  untitled: z.enum(['same-period', 'previous-period']).optional(),
});

export const duty = z.strictObject({
  /** The clause, verbatim; the rule's quote and this overlap. */
  quote: z.string().min(1),
  rule: kebabId,
  check: z.string().min(1),
  column: kebabId.optional(),
  cadence: cadence.optional(),
  /** Real-looking titles of the publication: the rule's title pattern must accept each. */
  titles: z.array(z.string().min(1)).optional(),
  /** Near misses (a notice about it, a quarterly report under a monthly rule …): the pattern must refuse each. */
  nearMisses: z.array(z.string().min(1)).optional(),
});

export const obligation = z.strictObject({
  id: kebabId,
  section: z.string(),
  quote: z.string().min(1),
  what: z.string().min(1),
  where: z.string().min(1),
  when: z.string().min(1),
  who: z.string().min(1),
  /** crawler: a crawl can judge it; partly: the site shows something, not the timing or content; manual: it cannot. */
  class: z.enum(['crawler', 'partly', 'manual']),
  duties: z.array(duty).default([]),
});

export const inventory = z.strictObject({
  plan: z.strictObject({ pack: kebabId, file: z.string().min(1), title: z.string().min(1) }),
  /** Parts of the plan that hold no obligation (headers, aims), named so their absence is a choice. */
  excluded: z.array(z.string()).default([]),
  obligations: z.array(obligation).min(1),
});

export type Cadence = z.output<typeof cadence>;
export type Duty = z.output<typeof duty>;
export type Obligation = z.output<typeof obligation>;
export type Inventory = z.output<typeof inventory>;

export function loadInventory(text: string, file: string): Inventory {
  return validateYaml(text, file, inventory).data;
}
