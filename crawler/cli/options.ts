import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { isValidYmd } from '../../rules/dates/days.ts';
import { FileStore } from '../store/file-store.ts';

/** Shared CLI plumbing: where data lives, how a store is opened and always closed, and option parsers. */

export function dataDir(opt?: string): string {
  return resolve(opt ?? process.env.GOVAUDIT_DATA ?? 'govaudit-data');
}

/** For commands that write runs: takes the store lock (and creates the data folder). */
export async function withStore<T>(dir: string, fn: (store: FileStore) => Promise<T>): Promise<T> {
  const store = new FileStore(dir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** For commands that only read (runs, show, report): no lock, so they work while a crawl runs, and nothing is created. */
export async function withReadStore<T>(dir: string, fn: (store: FileStore) => Promise<T>): Promise<T> {
  const store = new FileStore(dir, { readOnly: true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export type ReportFormat = 'html' | 'json' | 'csv' | 'xlsx' | 'pdf';
const FORMATS: readonly ReportFormat[] = ['html', 'json', 'csv', 'xlsx', 'pdf'];

export function parseFormats(value: string): ReportFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new InvalidArgumentError(`未知报告格式 / unknown format ${bad.join(', ')}; expected some of ${FORMATS.join(', ')}`);
  return list as ReportFormat[];
}

/** Commander option parser: checked when the command line is read, before anything runs. */
export function formatsOption(value: string): string {
  parseFormats(value);
  return value;
}

/** `--today`: an ISO date that exists (2026-13-45 and "yesterday" are refused, not guessed at). */
export function auditDateOption(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) throw new InvalidArgumentError(`需要有效日期 YYYY-MM-DD / expected a real date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export function choiceOption(choices: readonly string[]): (value: string) => string {
  return (value) => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got "${value}"`);
    return value;
  };
}

export function wholeNumberOption(min: number, max: number): (value: string) => string {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${value}"`);
    return value;
  };
}

/** A user's mistake found after parsing (a missing run, a bad id): exit 3 with the message, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
