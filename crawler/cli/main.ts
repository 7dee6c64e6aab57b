import { Command } from 'commander';
import { EXIT } from './exit-codes.ts';
import { registerCrawlCommands } from './crawl-commands.ts';
import { registerDemoCommand } from './demo-command.ts';
import { registerReportCommand } from './report-command.ts';
import { registerRulesCommands } from './rules-commands.ts';
import { registerScheduleCommand } from './schedule-command.ts';
import { registerWorkerCommand } from './worker-command.ts';
import { StoreLockedError } from '../store/lock.ts';
import { InputError } from '../../rules/loader/input-error.ts';

const program = new Command('govaudit')
  .description('政府网站检查工具：按规则包抓取并评估政府网站 / audit crawler for Chinese government websites')
  .version('0.1.0')
  .showHelpAfterError();

registerDemoCommand(program);
registerCrawlCommands(program);
registerScheduleCommand(program);
registerWorkerCommand(program);
registerReportCommand(program);
registerRulesCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof InputError) {
    console.error(`✗ 输入无效，未写入任何内容 / invalid input, nothing was written:\n${e.message}`);
    process.exitCode = EXIT.badInput;
  } else if (e instanceof StoreLockedError) {
    console.error(`✗ ${e.message}`);
    process.exitCode = EXIT.internal;
  } else {
    console.error(`✗ ${(e as Error).stack ?? e}`);
    process.exitCode = EXIT.internal;
  }
}
