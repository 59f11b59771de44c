// craftbridge command line: start the bot, understand a message, batch-match, manage the roster.
import { Command } from "commander";
import { registerExpertsCommand } from "./experts-command.ts";
import { registerMatchCommand } from "./match-command.ts";
import { registerParseCommand } from "./parse-command.ts";
import { registerReportCommand } from "./report-command.ts";
import { registerStartCommand } from "./start-command.ts";
import { registerWorkerCommand } from "./worker-command.ts";

const program = new Command()
  .name("craftbridge")
  .description("匠桥 craftbridge — matching model workers and master craftsmen with enterprises")
  .showHelpAfterError();

registerStartCommand(program);
registerWorkerCommand(program);
registerParseCommand(program);
registerMatchCommand(program);
registerExpertsCommand(program);
registerReportCommand(program);

await program.parseAsync(process.argv);
