import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../rules/loader/input-error.ts';
import { DEFAULT_PACK_IDS } from '../../rules/schema/pack.ts';
import { problemAt, validateYaml } from '../../rules/loader/yaml-input.ts';
import { builtinPackFiles } from '../packs.ts';
import { crawlLimits, sitesFile, type SiteConfig, type SiteEntry } from './schema.ts';

/** Applies defaults to one site entry (without `defaults`: the default packs and the crawler's default limits). */
export function siteConfig(entry: SiteEntry, defaults: { packs: string[]; limits: Partial<SiteConfig['limits']> } = { packs: [...DEFAULT_PACK_IDS], limits: {} }): SiteConfig {
  return { ...entry, packs: entry.packs ?? defaults.packs, limits: crawlLimits.parse({ ...defaults.limits, ...entry.limits }) };
}

/** Reads and validates a sites file; every problem names file, line, path and what was expected. */
export function loadSitesFile(file: string): SiteConfig[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError([{ file, path: '', message: `cannot read file: ${(e as Error).message}` }]);
  }
  const { data, input } = validateYaml(text, file, sitesFile);
  const known = builtinPackFiles();
  const problems = [];
  const ids = new Set<string>();
  for (const [i, site] of data.sites.entries()) {
    if (ids.has(site.id)) problems.push(problemAt(input, ['sites', i, 'id'], `duplicate site id "${site.id}"`));
    ids.add(site.id);
    if (site.snapshot) {
      site.snapshot = resolve(dirname(file), site.snapshot);
      if (!statSync(site.snapshot, { throwIfNoEntry: false })?.isDirectory()) problems.push(problemAt(input, ['sites', i, 'snapshot'], `no such folder: ${site.snapshot}`));
    }
    for (const [j, p] of (site.packs ?? []).entries()) {
      if (!known[p] && !/\.(ya?ml|json)$/.test(p)) problems.push(problemAt(input, ['sites', i, 'packs', j], `unknown pack "${p}", expected one of ${Object.keys(known).join(', ')} or a pack file path`));
    }
  }
  for (const [j, p] of data.defaults.packs.entries()) {
    if (!known[p] && !/\.(ya?ml|json)$/.test(p)) problems.push(problemAt(input, ['defaults', 'packs', j], `unknown pack "${p}", expected one of ${Object.keys(known).join(', ')}`));
  }
  if (problems.length > 0) throw new InputError(problems);
  return data.sites.map((s) => siteConfig(s, data.defaults));
}
