/**
 * Judging an outgoing link by its host: a link whose text names a government body should lead to a government
 * domain; a link into a parked or gambling pattern has changed hands. Both are suspicions (`needs-review`).
 */

/** Hosts that are government domains: *.gov.cn, and the few central bodies that sit elsewhere. */
const GOV_SUFFIXES = ['.gov.cn', '.gov', '.gov.hk', '.gov.mo', '.mil.cn'];
const GOV_HOSTS = ['www.12377.cn', 'www.12371.cn'];

export function isGovernmentHost(host: string, extra: readonly string[] = []): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if ([...GOV_HOSTS, ...extra].includes(h)) return true;
  return GOV_SUFFIXES.some((s) => h.endsWith(s) || h === s.slice(1));
}

/** The endings of a body's name (教育局, 人民政府, 发展和改革委员会 …); text ending in one names a body. */
const BODY_SUFFIX = /(人民政府|政府|人民代表大会|人大常委会|政协|委员会|办公厅|办公室|厅|局|署|部|院|监察委)$/;
/** Words with those endings that are no government body (俱乐部, 结局, 办事大厅; 医院 and 科学院 are not government bodies). */
const NOT_A_BODY = /(俱乐部|全部|内部|总部|本部|顶部|底部|头部|结局|布局|格局|大局|医院|学院|研究院|设计院|科学院|工程院|剧院|影院|书院|庭院|大厅|展厅|餐厅|客厅|门厅)$/;

export function namesGovernmentBody(text: string): boolean {
  const t = text.replace(/\s+/g, '').replace(/[（(【\[].*?[）)】\]]$/, '');
  return t.length >= 3 && t.length <= 40 && BODY_SUFFIX.test(t) && !NOT_A_BODY.test(t);
}

export interface SuspectPattern {
  id: string;
  /** Matched, case-insensitive, against the link's text and its URL. */
  pattern: string;
  kind: 'gambling' | 'parked' | 'adult';
}

export interface LinkSuspicion {
  reason: 'body-name-off-government' | 'suspect-pattern';
  patternId?: string;
  kind?: SuspectPattern['kind'];
}

/** The host name of an absolute http(s) URL, without port or credentials. */
export function hostOf(url: string): string | undefined {
  const m = /^https?:\/\/(?:[^@/?#]*@)?([^:/?#]+)/i.exec(url);
  return m?.[1].toLowerCase();
}

/** What is suspicious about one outgoing link, if anything. */
export function judgeOutgoingLink(url: string, text: string, patterns: readonly SuspectPattern[], extraGovHosts: readonly string[] = []): LinkSuspicion[] {
  const out: LinkSuspicion[] = [];
  const host = hostOf(url);
  if (!host) return out;
  for (const p of patterns) {
    const re = new RegExp(p.pattern, 'i');
    if (re.test(text) || re.test(url)) out.push({ reason: 'suspect-pattern', patternId: p.id, kind: p.kind });
  }
  if (namesGovernmentBody(text) && !isGovernmentHost(host, extraGovHosts)) out.push({ reason: 'body-name-off-government' });
  return out;
}
