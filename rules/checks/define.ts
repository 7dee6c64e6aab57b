import type { z } from 'zod';
import type { WorkCalendar } from '../calendar/working-days.ts';
import type { DataValue, Evidence, LocalText, Outcome } from '../model/finding.ts';
import type { ColumnObservation, IsoDate, SiteSnapshot } from '../model/snapshot.ts';
import type { ColumnClass, RuleDef } from '../schema/pack.ts';

/** What a check reports: the engine adds the rule, pack, source and rendered message. */
export interface CheckReport {
  outcome: Outcome;
  messageId: string;
  data?: Record<string, DataValue>;
  evidence?: Evidence[];
  column?: ColumnObservation;
  dueDate?: IsoDate;
}

export interface CheckContext<O> {
  rule: RuleDef;
  options: O;
  snapshot: SiteSnapshot;
  /** The audit date. */
  now: IsoDate;
  calendar: WorkCalendar;
  /** The rule's column class, when the rule names one. */
  columnClass?: ColumnClass;
  /** Observations of the rule's column class (empty when none was found or the rule names no column). */
  columns: ColumnObservation[];
  report(r: CheckReport): void;
}

export interface CheckDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  /** Checks about a column need `column:` on the rule. */
  needsColumn: boolean;
  /** The check reads the column's newest detail page (`ItemObservation.detail`): the crawler keeps it for such columns. */
  needsDetail?: boolean;
  /** The check reads page text, attachments, 留言 lists or outgoing links: the crawler reads them only for such checks. */
  needsText?: boolean;
  options: S;
  /** Message templates with `{{name}}` placeholders, Chinese and English. */
  messages: Record<string, LocalText>;
  evaluate(ctx: CheckContext<z.output<S>>): void;
}

export function defineCheck<S extends z.ZodType>(def: CheckDefinition<S>): CheckDefinition<S> {
  return def;
}
