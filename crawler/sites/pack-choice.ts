import type { LocalText } from '../../rules/model/finding.ts';
import type { IsoDate } from '../../rules/model/snapshot.ts';
import { DEFAULT_PACK_IDS, type ColumnLibrary, type LoadedPack } from '../../rules/schema/pack.ts';
import { builtinPackFiles, readPackFile } from '../packs.ts';

/** The packs a run applies when nobody named any, and why: recorded with the run and printed with its results. */
export interface PackChoice {
  auditDate: IsoDate;
  packs: string[];
  reason: LocalText;
}

const inForce = (p: LoadedPack, date: IsoDate) => date >= p.validFrom && (!p.validTo || date <= p.validTo);

/**
 * The national indicators and the regulation packs in force on the audit date: a 2018 copy of a portal is judged
 * by the 2015 普查 indicators, not by the 2019 ones that did not exist yet. When none was in force, the usual
 * defaults are listed, and the site comes out 未检查 (not checked) rather than 合格.
 */
export function choosePacks(auditDate: IsoDate, library: ColumnLibrary): PackChoice {
  const builtin = Object.values(builtinPackFiles()).map((f) => readPackFile(f, library));
  const rank = { national: 0, regulation: 1 } as Record<string, number>;
  // Listed as the defaults list them (national, regulation, then the text checks), older packs by kind after.
  const order = (p: LoadedPack) => { const i = DEFAULT_PACK_IDS.indexOf(p.id); return i >= 0 ? i : DEFAULT_PACK_IDS.length + rank[p.kind]!; };
  const chosen = builtin.filter((p) => p.kind in rank && inForce(p, auditDate)).sort((a, b) => order(a) - order(b));
  const span = (p: LoadedPack) => `${p.id} (${p.validFrom} ~ ${p.validTo ?? '至今 now'})`;
  if (chosen.length === 0) {
    return {
      auditDate, packs: [...DEFAULT_PACK_IDS],
      reason: {
        zh: `评估日期 ${auditDate} 没有生效的国家指标或条例规则包，未检查任何规则`,
        en: `no national or regulation pack was in force on the audit date ${auditDate}; no rule was checked`,
      },
    };
  }
  return {
    auditDate, packs: chosen.map((p) => p.id),
    reason: {
      zh: `未指定规则包，按评估日期 ${auditDate} 选用当时生效的国家指标与条例：${chosen.map(span).join('、')}`,
      en: `no packs named, so those in force on the audit date ${auditDate} were chosen: ${chosen.map(span).join(', ')}`,
    },
  };
}
