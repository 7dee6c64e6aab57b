import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, InputError, type InputProblem } from './input-error.ts';

/**
 * YAML (or JSON) text validated against a zod schema, with every problem pinned to file, line, path and what was
 * expected. Shared by rule packs and sites files.
 */
export interface YamlInput {
  doc: Document;
  lines: LineCounter;
  file: string;
}

export function parseYamlInput(text: string, file: string): YamlInput {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { file, line: pos.line, col: pos.col, path: '', message: e.message.split('\n')[0] };
    }));
  }
  return { doc, lines, file };
}

export function problemAt(input: YamlInput, path: (string | number)[], message: string): InputProblem {
  // Walk up the path until a node with a source range exists (a missing key has none; its parent does).
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? input.doc.contents : input.doc.getIn(path.slice(0, n), true)) as { range?: number[] } | null | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) {
      const pos = input.lines.linePos(offset);
      return { file: input.file, line: pos.line, col: pos.col, path: formatPath(path), message };
    }
  }
  return { file: input.file, path: formatPath(path), message };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

export function zodProblems(input: YamlInput, error: z.ZodError, prefix: (string | number)[] = []): InputProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') return problemAt(input, path, describeIssue(issue));
    const got = input.doc.getIn(path);
    const gotText = got === undefined ? 'nothing' : JSON.stringify(got);
    return problemAt(input, path, `${describeIssue(issue)}, got ${gotText.length > 60 ? gotText.slice(0, 57) + '...' : gotText}`);
  });
}

/** Parses and validates in one go; throws InputError listing every problem. */
export function validateYaml<S extends z.ZodType>(text: string, file: string, schema: S): { data: z.output<S>; input: YamlInput } {
  const input = parseYamlInput(text, file);
  const parsed = schema.safeParse(input.doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(input, parsed.error));
  return { data: parsed.data, input };
}
