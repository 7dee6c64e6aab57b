import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadColumnLibrary, loadPack } from '../rules/loader/load-pack.ts';
import { InputError } from '../rules/loader/input-error.ts';
import type { ColumnLibrary, LoadedPack } from '../rules/schema/pack.ts';

/** Reads rule packs from disk; validation itself is the pure loader in rules/. */

export const BUILTIN_PACK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../rules/packs');
const LIBRARY_FILE = 'columns.yaml';

function isPackFile(name: string): boolean {
  return /\.(ya?ml|json)$/.test(name) && name !== LIBRARY_FILE;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError([{ file, path: '', message: `cannot read file: ${(e as Error).message}` }]);
  }
}

export function readColumnLibrary(dir = BUILTIN_PACK_DIR): ColumnLibrary {
  const file = join(dir, LIBRARY_FILE);
  return loadColumnLibrary(readText(file), relativeName(file));
}

function relativeName(file: string): string {
  const rel = file.startsWith(process.cwd() + '/') ? file.slice(process.cwd().length + 1) : file;
  return rel;
}

export function readPackFile(file: string, library = readColumnLibrary()): LoadedPack {
  return loadPack(readText(file), relativeName(resolve(file)), library);
}

/** Built-in pack files, by id (= file name without extension). */
export function builtinPackFiles(dir = BUILTIN_PACK_DIR): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter(isPackFile).sort().map((f) => [basename(f).replace(/\.(ya?ml|json)$/, ''), join(dir, f)]));
}

/** Resolves a pack reference: a built-in id or a path to a pack file. */
/**
 * `resolvePack` remembered per reference, for one job that resolves the same few packs for many sites (a sites file
 * of hundreds of sites names three packs): each is read and validated once.
 */
export function packResolver(library = readColumnLibrary()): (ref: string) => LoadedPack {
  const seen = new Map<string, LoadedPack>();
  return (ref) => {
    let pack = seen.get(ref);
    if (!pack) seen.set(ref, (pack = resolvePack(ref, library)));
    return pack;
  };
}

export function resolvePack(ref: string, library = readColumnLibrary()): LoadedPack {
  const builtin = builtinPackFiles()[ref];
  if (builtin) return readPackFile(builtin, library);
  if (isPackFile(basename(ref))) return readPackFile(ref, library);
  throw new InputError([{ file: ref, path: '', message: `no built-in pack "${ref}" and not a pack file; built-in packs: ${Object.keys(builtinPackFiles()).join(', ')}` }]);
}

