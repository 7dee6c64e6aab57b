import { Command, CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';
import { registerCrawlCommands } from './crawl-commands.ts';
import { registerDemoCommand } from './demo-command.ts';
import { UsageError } from './options.ts';
import { registerReportCommand } from './report-command.ts';
import { registerRulesCommands } from './rules-commands.ts';
import { registerScheduleCommand } from './schedule-command.ts';
import { registerWorkerCommand } from './worker-command.ts';
import { StoreLockedError } from '../store/lock.ts';
import { StorePathError } from '../store/store-paths.ts';
import { InputError } from '../../rules/loader/input-error.ts';

const program = new Command('govaudit')
  .description('政府网站检查工具：按规则包抓取并评估政府网站 / audit crawler for Chinese government websites')
  .version('0.1.0')
  .showHelpAfterError()
  // Parser errors (unknown option, bad value) throw here instead of exiting 1, which means 不合格 to scripts.
  // Set before the commands are added, so that they inherit it.
  .exitOverride();

registerDemoCommand(program);
registerCrawlCommands(program);
registerScheduleCommand(program);
registerWorkerCommand(program);
registerReportCommand(program);
registerRulesCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has printed the message; help and version are not errors.
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else if (e instanceof InputError) {
    console.error(`✗ 输入无效，未写入任何内容 / invalid input, nothing was written:\n${e.message}`);
    process.exitCode = EXIT.badInput;
  } else if (e instanceof UsageError || e instanceof StorePathError) {
    console.error(`✗ ${e.message}`);
    process.exitCode = EXIT.badInput;
  } else if (e instanceof StoreLockedError) {
    console.error(`✗ ${e.message}`);
    process.exitCode = EXIT.internal;
  } else {
    // Not the user's mistake: the message first; the stack only when asked for (GOVAUDIT_DEBUG=1).
    const err = e as Error;
    console.error(`✗ 内部错误 / internal error: ${err.message ?? err}`);
    if (process.env.GOVAUDIT_DEBUG && err.stack) console.error(err.stack);
    process.exitCode = EXIT.internal;
  }
}
