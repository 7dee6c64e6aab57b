/// <reference types="vite/client" />
import { loadColumnLibrary, loadPack } from '../../rules/loader/load-pack.ts';
import type { ColumnClass, ColumnLibrary, LoadedPack } from '../../rules/schema/pack.ts';

/**
 * The built-in rule packs, bundled as text by vite and validated by the same pure loader the crawler uses, so
 * a pack means the same thing in the extension as in a crawl.
 */
const FILES = import.meta.glob('../../rules/packs/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const LIBRARY_NAME = 'columns';

function packIdOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
}

function fileNameOf(path: string): string {
  return `rules/packs/${path.replace(/^.*\//, '')}`;
}

const sources = new Map(Object.entries(FILES).map(([path, text]) => [packIdOf(path), { text, file: fileNameOf(path) }]));

let library: ColumnLibrary | undefined;
const loaded = new Map<string, LoadedPack>();

/** Ids of the packs shipped with the extension (the column library excluded). */
export function builtinPackIds(): string[] {
  return [...sources.keys()].filter((id) => id !== LIBRARY_NAME).sort();
}

export function columnLibrary(): ColumnLibrary {
  if (!library) {
    const src = sources.get(LIBRARY_NAME);
    if (!src) throw new Error('rules/packs/columns.yaml is not bundled');
    library = loadColumnLibrary(src.text, src.file);
  }
  return library;
}

/** Loads (once) and returns the packs with these ids; unknown ids are skipped. */
export function packsById(ids: readonly string[]): LoadedPack[] {
  const out: LoadedPack[] = [];
  for (const id of ids) {
    let pack = loaded.get(id);
    if (!pack) {
      const src = sources.get(id);
      if (!src || id === LIBRARY_NAME) continue;
      pack = loadPack(src.text, src.file, columnLibrary());
      loaded.set(id, pack);
    }
    out.push(pack);
  }
  return out;
}

/** Column classes of the library and of the chosen packs, as link matching uses them. */
export function columnClassesFor(packs: readonly LoadedPack[]): Record<string, ColumnClass> {
  const classes: Record<string, ColumnClass> = { ...columnLibrary().columns };
  for (const p of packs) Object.assign(classes, p.columnClasses);
  return classes;
}
