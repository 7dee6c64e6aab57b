import { z } from 'zod';
import patternFile from '../packs/lexicons/link-patterns.json' with { type: 'json' };
import { linkPatternList, suspectLinkPattern, type SuspectLinkPatternDef } from '../schema/pack.ts';
import { judgeOutgoingLink } from '../text/link-host.ts';
import { defineCheck } from './define.ts';

export const NATIONAL_LINK_PATTERNS: readonly SuspectLinkPatternDef[] = linkPatternList.parse(patternFile).patterns;

const KIND_NAMES = { gambling: '赌博', parked: '域名停放/出售', adult: '色情' } as const;

/**
 * Outgoing links whose target may have changed hands: text naming a government body on a non-government host, or a
 * text or URL matching a gambling/parked/adult pattern. Always `needs-review`: the target is not fetched.
 */
export default defineCheck({
  id: 'outgoing-link-suspect',
  needsText: true,
  needsColumn: false,
  options: z.strictObject({
    national: z.boolean().default(true),
    patterns: z.array(suspectLinkPattern).default([]),
    /** Hosts outside .gov.cn that are still official for this pack (a province's own service platform). */
    governmentHosts: z.array(z.string().min(1)).default([]),
  }),
  messages: {
    'off-government': {
      zh: '疑似外链异常：链接文字「{{text}}」指向政府机关，但目标 {{url}} 不是政府网站域名',
      en: 'Suspect outgoing link: "{{text}}" names a government body but {{url}} is not a government domain',
    },
    pattern: {
      zh: '疑似外链异常（{{kindName}}）：「{{text}}」→ {{url}}，匹配「{{pattern}}」',
      en: 'Suspect outgoing link ({{kind}}): "{{text}}" → {{url}}, matches "{{pattern}}"',
    },
    none: { zh: '已检查外链 {{links}} 个，未发现可疑外链', en: '{{links}} outgoing links checked, none suspect' },
    'not-read': { zh: '未收集外链', en: 'Outgoing links were not collected' },
  },
  evaluate({ options, snapshot, report }) {
    const links = snapshot.outgoingLinks;
    if (!links) return report({ outcome: 'not-applicable', messageId: 'not-read' });
    const patterns = [...(options.national ? NATIONAL_LINK_PATTERNS : []), ...options.patterns];
    let found = 0;
    for (const link of links) {
      for (const s of judgeOutgoingLink(link.url, link.text, patterns, options.governmentHosts)) {
        found++;
        const evidence = [{ url: link.url, title: link.text, note: `linked from ${link.fromUrl}` }];
        if (s.reason === 'body-name-off-government') report({ outcome: 'needs-review', messageId: 'off-government', data: { text: link.text, url: link.url }, evidence });
        else report({ outcome: 'needs-review', messageId: 'pattern', data: { text: link.text, url: link.url, kind: s.kind!, kindName: KIND_NAMES[s.kind!], pattern: s.patternId! }, evidence });
      }
    }
    if (found === 0) report({ outcome: 'pass', messageId: 'none', data: { links: links.length } });
  },
});
