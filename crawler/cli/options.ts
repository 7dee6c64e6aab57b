import { resolve } from 'node:path';
import { FileStore } from '../store/file-store.ts';

/** Shared CLI plumbing: where data lives and how a store is opened and always closed. */

export function dataDir(opt?: string): string {
  return resolve(opt ?? process.env.GOVAUDIT_DATA ?? 'govaudit-data');
}

export async function withStore<T>(dir: string, fn: (store: FileStore) => Promise<T>): Promise<T> {
  const store = new FileStore(dir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function parseFormats(value: string): ('html' | 'json' | 'csv' | 'xlsx' | 'pdf')[] {
  const all = ['html', 'json', 'csv', 'xlsx', 'pdf'] as const;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(all as readonly string[]).includes(f));
  if (bad.length) throw new Error(`unknown format ${bad.join(', ')}; expected some of ${all.join(', ')}`);
  return list as ('html' | 'json' | 'csv' | 'xlsx' | 'pdf')[];
}
