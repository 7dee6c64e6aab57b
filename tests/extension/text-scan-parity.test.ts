import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { resolvePack } from '../../crawler/packs.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { evaluatePack } from '../../rules/engine/evaluate.ts';
import { idCheckCharacter } from '../../rules/text/personal-info.ts';
import { pageText } from '../../rules/text/page-text.ts';
import { pageFromDom } from '../../extension/lib/page-from-dom.ts';
import { columnClassesFor, packsById } from '../../extension/lib/packs.ts';
import { buildSnapshot, emptySession, observePage } from '../../extension/lib/snapshot.ts';

/** The text checks in the extension: the open page's text, read from the DOM, gives the crawler's findings. */

const ID = '45010319900512345'.slice(0, 17) + idCheckCharacter('45010319900512345'.slice(0, 17));
const URL_ = 'http://127.0.0.1:8000/art/gs/1.html';
const HTML = `<!DOCTYPE html><html><head><title>关于低保对象的公示</title><meta name="PubDate" content="2026-01-10 09:00"></head><body>
<div class="content"><p>根据国土资源部有关要求。</p>
<table><tr><th>姓名</th><th>身份证号</th><th>电话</th></tr><tr><td>覃某</td><td>${ID}</td><td>13812345678</td></tr></table>
<p><a href="http://www.nnjyj-edu.com/">南宁市教育局</a></p></div></body></html>`;

describe('text checks in the extension', () => {
  it('reads the same text from the DOM as from the fetched HTML', () => {
    const fromDom = pageFromDom(parseHTML(HTML).document as unknown as Document, URL_);
    expect(pageText(fromDom)).toBe(pageText(pageFromHtml(HTML, URL_)));
  });

  it('keeps only masked numbers in the session and gives the crawler\'s findings', () => {
    const fromDom = pageFromDom(parseHTML(HTML).document as unknown as Document, URL_);
    const ids = ['national-2019', 'disclosure-regulation-2019', 'security-2019'];
    const ctx = { classes: columnClassesFor(packsById(ids)), now: '2026-01-15', at: '2026-01-15T08:00:00Z', source: 'live' as const, overrides: [] };
    const { session } = observePage(emptySession('http://127.0.0.1:8000', 'http://127.0.0.1:8000/', ctx.at), fromDom, ctx);
    const stored = JSON.stringify(session);
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain('13812345678');
    const snapshot = buildSnapshot(session, { overrides: [], capturedAt: ctx.at });
    const findings = evaluatePack(resolvePack('security-2019'), snapshot, { now: ctx.now }).findings;
    const got = findings.filter((f) => f.outcome !== 'pass' && f.outcome !== 'not-applicable').map((f) => `${f.ruleId}:${f.outcome}`).sort();
    expect(got).toEqual(['outgoing-link-suspect:needs-review', 'personal-id-number-exposed:fail', 'personal-mobile-exposed:needs-review', 'wording-error-suspected:needs-review']);
  });
});
