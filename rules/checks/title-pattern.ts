import { z } from 'zod';

/**
 * The title of the publication a periodic or deadline rule expects, e.g. 抽检 + 汇总|分析 but not 通知. Without it any
 * item in the column would count: a meeting report would satisfy 每月公开医疗卫生政策实施情况.
 */
export const titlePattern = {
  /** The title contains one of these words (the publication's name: 低保, 抽检, 年度报告 …). */
  titleIncludes: z.array(z.string().min(1)).min(1, 'name the publication the rule expects: at least one title word'),
  /** And one of these (汇总|分析 besides 抽检); empty: no second condition. */
  titleAlsoIncludes: z.array(z.string().min(1)).default([]),
  /** And none of these (通知, 计划: a notice about the publication is not the publication). */
  titleExcludes: z.array(z.string().min(1)).default([]),
};

export interface TitlePattern {
  titleIncludes: string[];
  titleAlsoIncludes: string[];
  titleExcludes: string[];
}

export function titleMatches(title: string, p: TitlePattern): boolean {
  const has = (words: string[]) => words.some((w) => title.includes(w));
  return has(p.titleIncludes) && (p.titleAlsoIncludes.length === 0 || has(p.titleAlsoIncludes)) && !has(p.titleExcludes);
}
