import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadPack } from '../../rules/loader/load-pack.ts';
import { InputError } from '../../rules/loader/input-error.ts';
import { packDef } from '../../rules/schema/pack.ts';
import { builtinPackFiles, readColumnLibrary, readPackFile } from '../../crawler/packs.ts';

const library = readColumnLibrary();
const national = readFileSync(builtinPackFiles()['national-2019'], 'utf8');

function problemsOf(text: string) {
  try {
    loadPack(text, 'bad.yaml', library);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected the pack to be rejected');
}

describe('built-in packs', () => {
  const files = builtinPackFiles();
  it('include the national, regulation and five seed-plan packs', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['national-2019', 'disclosure-regulation-2019']));
  });
  for (const [id, file] of Object.entries(files)) {
    it(`${id} loads and validates, and every rule cites a source`, () => {
      const pack = readPackFile(file, library);
      expect(pack.id).toBe(id);
      for (const r of pack.rules) expect(r.source.doc.length).toBeGreaterThan(0);
    });
  }
  it('the committed JSON Schema is the one the zod schema generates', () => {
    const committed = JSON.parse(readFileSync('rules/schema/rule-pack.schema.json', 'utf8'));
    expect(committed).toEqual(z.toJSONSchema(packDef, { io: 'input' }));
  });
});

describe('invalid packs give file, line, path and what was expected', () => {
  it('a bad option value', () => {
    const [p] = problemsOf(national.replace('options: { maxAge: 14, warnBeforeDays: 3 }', 'options: { maxAge: -14, warnBeforeDays: 3 }'));
    expect(p).toMatchObject({ file: 'bad.yaml', path: 'rules[2].options.maxAge' });
    expect(p.line).toBeGreaterThan(20);
    expect(p.message).toMatch(/>0|positive|too small/i);
  });
  it('an unknown check type', () => {
    const [p] = problemsOf(national.replace('check: column-empty', 'check: column-emptiness'));
    expect(p.path).toMatch(/^rules\[\d+\]\.check$/);
    expect(p.message).toContain('unknown check "column-emptiness", expected one of');
  });
  it('duplicate rule ids', () => {
    const [p] = problemsOf(national.replace('- id: notice-column-stale', '- id: news-column-stale'));
    expect(p.message).toContain('duplicate rule id "news-column-stale"');
  });
  it('a veto or weight naming an unknown rule', () => {
    const problems = problemsOf(national.replace('rules: [news-column-stale, notice-column-stale, policy-column-stale]', 'rules: [news-column-stale, no-such-rule, policy-column-stale]'));
    expect(problems[0]).toMatchObject({ path: 'verdict.vetoes[0].rules[1]' });
    expect(problems[0].message).toContain('unknown rule "no-such-rule"');
  });
  it('an unknown key and a wrong type', () => {
    const [p] = problemsOf(national.replace('kind: national', 'kind: national\nweight: 3'));
    expect(p.message).toContain('unknown key "weight"');
    const [q] = problemsOf(national.replace('validFrom: 2019-04-18', 'validFrom: 18/04/2019'));
    const validFromLine = national.split('\n').findIndex((l) => l.startsWith('validFrom:')) + 1;
    expect(q).toMatchObject({ path: 'validFrom', line: validFromLine });
  });
  it('an unknown column class', () => {
    const [p] = problemsOf(national.replace('column: news\n', 'column: newz\n'));
    expect(p.message).toContain('unknown column class "newz"');
  });
  it('broken YAML', () => {
    const [p] = problemsOf('id: x\nrules: [\n');
    expect(p.line).toBeGreaterThan(0);
  });
});

describe('rules CLI', () => {
  it('`rules list` lists the packs and `rules check` validates one', () => {
    const list = execFileSync('node', ['bin/govaudit.js', 'rules', 'list'], { encoding: 'utf8' });
    expect(list).toContain('national-2019');
    expect(execFileSync('node', ['bin/govaudit.js', 'rules', 'check', 'national-2019'], { encoding: 'utf8' })).toContain('✓');
  });
  it('a broken pack prints a precise error and exits non-zero', () => {
    const r = spawnSync('node', ['bin/govaudit.js', 'rules', 'check', 'tests/fixtures/packs/broken.yaml'], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/tests\/fixtures\/packs\/broken\.yaml:\d+:\d+: rules\[0\]\.options\.maxAge/);
  });
});
