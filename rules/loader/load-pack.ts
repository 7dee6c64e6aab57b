import { CHECKS } from '../checks/index.ts';
import { columnLibrary, packDef, type ColumnClass, type ColumnLibrary, type LoadedPack } from '../schema/pack.ts';
import { InputError, type InputProblem } from './input-error.ts';
import { problemAt, validateYaml, zodProblems } from './yaml-input.ts';

/**
 * Parses and validates pack files (YAML or JSON text). Pure: the crawler reads files, the extension bundles them.
 * Every problem is reported with file, line, path and what was expected; the first bad pack stops nothing else.
 */

/** Loads the shared column library (`rules/packs/columns.yaml`). */
export function loadColumnLibrary(text: string, file: string): ColumnLibrary {
  return validateYaml(text, file, columnLibrary).data;
}

/** Loads and validates one pack against the schema, the check registry and the column library. */
export function loadPack(text: string, file: string, library: ColumnLibrary): LoadedPack {
  const { data: pack, input: loc } = validateYaml(text, file, packDef);
  const columnClasses: Record<string, ColumnClass> = { ...library.columns, ...pack.columns };
  const problems: InputProblem[] = [];
  const seen = new Set<string>();

  pack.rules.forEach((rule, i) => {
    const at = ['rules', i];
    if (seen.has(rule.id)) problems.push(problemAt(loc, [...at, 'id'], `duplicate rule id "${rule.id}"`));
    seen.add(rule.id);
    const check = CHECKS[rule.check];
    if (!check) {
      problems.push(problemAt(loc, [...at, 'check'], `unknown check "${rule.check}", expected one of ${Object.keys(CHECKS).join(', ')}`));
      return;
    }
    if (rule.column && !columnClasses[rule.column]) {
      problems.push(problemAt(loc, [...at, 'column'], `unknown column class "${rule.column}", expected one of ${Object.keys(columnClasses).join(', ')}`));
    }
    if (check.needsColumn && !rule.column) problems.push(problemAt(loc, at, `check "${rule.check}" needs a "column"`));
    const options = check.options.safeParse(rule.options);
    if (options.success) rule.options = options.data as Record<string, unknown>;
    else problems.push(...zodProblems(loc, options.error, [...at, 'options']));
  });

  for (const [c, cls] of Object.entries(pack.columns)) {
    if (cls.parent && !columnClasses[cls.parent]) problems.push(problemAt(loc, ['columns', c, 'parent'], `unknown parent column class "${cls.parent}"`));
  }
  const groups = [
    ...pack.verdict.vetoes.map((v, i) => ({ at: ['verdict', 'vetoes', i], ids: v.rules, id: v.id })),
    ...(pack.verdict.scoring?.items ?? []).map((s, i) => ({ at: ['verdict', 'scoring', 'items', i], ids: s.rules, id: s.id })),
  ];
  for (const g of groups) {
    g.ids.forEach((id, j) => {
      if (!seen.has(id)) problems.push(problemAt(loc, [...g.at, 'rules', j], `"${g.id}" names unknown rule "${id}"`));
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { ...pack, columnClasses, file };
}
