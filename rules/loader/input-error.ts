/** One problem in an input file (rule pack, sites file): where it is and what was expected there. */
export interface InputProblem {
  file: string;
  /** 1-based line and column in the file, when known. */
  line?: number;
  col?: number;
  /** Path inside the document, e.g. `rules[3].options.maxAge`. */
  path: string;
  message: string;
}

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function formatProblem(p: InputProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
  return `${where}: ${p.path || '(root)'}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}
