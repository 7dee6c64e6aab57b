import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../rules/loader/input-error.ts';
import { packDef } from '../../rules/schema/pack.ts';
import { builtinPackFiles, readColumnLibrary, readPackFile, resolvePack } from '../packs.ts';
import { EXIT } from './exit-codes.ts';

export function registerRulesCommands(program: Command): void {
  const rules = program.command('rules').description('列出、校验规则包 / list and validate rule packs');

  rules
    .command('list')
    .description('列出内置规则包 / list built-in packs')
    .option('--json', 'JSON output')
    .action((opts: { json?: boolean }) => {
      const library = readColumnLibrary();
      const rows = Object.entries(builtinPackFiles()).map(([id, file]) => {
        try {
          const p = readPackFile(file, library);
          return { id, title: p.title.zh, kind: p.kind, validFrom: p.validFrom, validTo: p.validTo ?? '', rules: p.rules.length, ok: true };
        } catch (e) {
          return { id, title: '', kind: '', validFrom: '', validTo: '', rules: 0, ok: false, error: (e as Error).message };
        }
      });
      if (opts.json) console.log(JSON.stringify(rows, null, 2));
      else {
        for (const r of rows) {
          console.log(r.ok ? `${r.id.padEnd(28)} ${String(r.rules).padStart(3)} 条  ${r.validFrom}~${r.validTo || '    至今  '}  ${r.title}` : `${r.id.padEnd(28)} 无效 / INVALID\n${r.error}`);
        }
      }
      if (rows.some((r) => !r.ok)) process.exitCode = EXIT.badInput;
    });

  rules
    .command('check <packs...>')
    .description('校验规则包（内置 id 或文件路径）/ validate packs (built-in id or file path)')
    .action((refs: string[]) => {
      const library = readColumnLibrary();
      for (const ref of refs) {
        try {
          const p = resolvePack(ref, library);
          console.log(`✓ ${p.file}: ${p.id}，${p.rules.length} 条规则 / rules, ${p.verdict.vetoes.length} 项否决 / vetoes`);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          console.error(`✗ 规则包无效 / invalid pack:\n${e.message}`);
          process.exitCode = EXIT.badInput;
        }
      }
    });

  rules
    .command('schema')
    .description('输出规则包 JSON Schema（供编辑器使用）/ print the pack JSON Schema for editors')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((opts: { out?: string }) => {
      const schema = JSON.stringify(z.toJSONSchema(packDef, { io: 'input' }), null, 2) + '\n';
      if (opts.out) writeFileSync(opts.out, schema);
      else process.stdout.write(schema);
    });
}
