import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type InputProblem } from '../../rules/loader/input-error.ts';
import { parseYamlInput, problemAt, zodProblems, type YamlInput } from '../../rules/loader/yaml-input.ts';
import { DEFAULT_PACK_IDS } from '../../rules/schema/pack.ts';
import { builtinPackFiles, packResolver, readColumnLibrary } from '../packs.ts';
import { crawlLimits, sitesFile, type SiteConfig, type SiteEntry } from './schema.ts';

/** A sites file is a few kilobytes per site; anything near this is not one (and would be read whole into memory). */
export const MAX_SITES_FILE_BYTES = 2 * 1024 * 1024;

/** Applies defaults to one site entry. */
export function siteConfig(entry: SiteEntry, defaults: { packs?: string[]; limits: Partial<SiteConfig['limits']> } = { limits: {} }): SiteConfig {
  const packsFrom = entry.packs ? 'site' : defaults.packs ? 'defaults' : 'audit-date';
  return { ...entry, packs: entry.packs ?? defaults.packs ?? [...DEFAULT_PACK_IDS], packsFrom, limits: crawlLimits.parse({ ...defaults.limits, ...entry.limits }) };
}

function fail(file: string, message: string, line?: number): never {
  throw new InputError([{ file, ...(line ? { line, col: 1 } : {}), path: '', message }]);
}

/** The file's text, refused (with where) when too large or not UTF-8: a GBK-saved file would garble every name. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_SITES_FILE_BYTES) fail(file, `file too large: ${size} bytes, at most ${MAX_SITES_FILE_BYTES} (2 MB)`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(file, `cannot read file: ${(e as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
    fail(file, `not UTF-8: invalid byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at offset ${bad}; save the file as UTF-8`, line);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest prefix that decodes (a split character at its end is allowed by `stream`).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** YAML parsed to plain data; unknown tags and alias bombs are located input errors, not crashes. */
function toData(input: YamlInput): unknown {
  const tagProblems: InputProblem[] = input.doc.warnings.map((w) => {
    const pos = input.lines.linePos(w.pos[0]);
    return { file: input.file, line: pos.line, col: pos.col, path: '', message: w.message.split('\n')[0]! };
  });
  if (tagProblems.length) throw new InputError(tagProblems);
  try {
    // maxAliasCount bounds the expansion of `&a [*b, *b, …]` chains (a "billion laughs" file).
    return input.doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    fail(input.file, `cannot expand the YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Reads and validates a sites file; every problem names file, line, path and what was expected. */
export function loadSitesFile(file: string): SiteConfig[] {
  const input = parseYamlInput(readText(file), file);
  const parsed = sitesFile.safeParse(toData(input));
  if (!parsed.success) throw new InputError(zodProblems(input, parsed.error));
  const data = parsed.data;
  const known = builtinPackFiles();
  const library = readColumnLibrary();
  const problems: InputProblem[] = [];
  const ids = new Set<string>();
  const packProblem = (path: (string | number)[], p: string) => {
    if (!known[p] && !/\.(ya?ml|json)$/.test(p)) problems.push(problemAt(input, path, `unknown pack "${p}", expected one of ${Object.keys(known).join(', ')} or a pack file path`));
  };
  const packOf = packResolver(library);
  for (const [j, p] of (data.defaults.packs ?? []).entries()) packProblem(['defaults', 'packs', j], p);
  for (const [i, site] of data.sites.entries()) {
    if (ids.has(site.id)) problems.push(problemAt(input, ['sites', i, 'id'], `duplicate site id "${site.id}"`));
    ids.add(site.id);
    if (site.snapshot) {
      site.snapshot = resolve(dirname(file), site.snapshot);
      if (!statSync(site.snapshot, { throwIfNoEntry: false })?.isDirectory()) problems.push(problemAt(input, ['sites', i, 'snapshot'], `no such folder: ${site.snapshot}`));
    }
    for (const [j, p] of (site.packs ?? []).entries()) packProblem(['sites', i, 'packs', j], p);
    const packs = site.packs ?? data.defaults.packs ?? [...DEFAULT_PACK_IDS];
    for (const [j, p] of site.ignoreValidity.entries()) {
      if (!packs.includes(p)) problems.push(problemAt(input, ['sites', i, 'ignoreValidity', j], `"${p}" is not one of this site's packs (${packs.join(', ')})`));
    }
    // Column classes: the shared library plus those the site's own pack files add.
    const classes = new Set(Object.keys(library.columns));
    for (const p of packs) {
      try {
        for (const c of Object.keys(packOf(p).columns)) classes.add(c);
      } catch {
        // An invalid pack is reported when it is resolved for the run.
      }
    }
    for (const classId of Object.keys(site.columns)) {
      if (!classes.has(classId)) problems.push(problemAt(input, ['sites', i, 'columns', classId], `unknown column class "${classId}", expected one of ${[...classes].sort().join(', ')}`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return data.sites.map((s) => siteConfig(s, data.defaults));
}
