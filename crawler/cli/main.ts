import { Command } from 'commander';
import { InputError } from '../../rules/loader/input-error.ts';
import { EXIT } from './exit-codes.ts';
import { registerRulesCommands } from './rules-commands.ts';

const program = new Command('govaudit')
  .description('政府网站检查工具：按规则包抓取并评估政府网站 / audit crawler for Chinese government websites')
  .version('0.1.0')
  .showHelpAfterError();

registerRulesCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof InputError) {
    console.error(`✗ 规则包无效 / invalid pack:\n${e.message}`);
    process.exitCode = EXIT.badInput;
  } else {
    console.error(`✗ ${(e as Error).stack ?? e}`);
    process.exitCode = EXIT.internal;
  }
}
