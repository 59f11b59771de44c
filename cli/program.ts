// The craftbridge program with every command registered; cli/index.ts runs it. The start-up bench builds it
// too, so that it measures the modules `npm start` loads.
import { Command } from "commander";
import { registerConsoleCommands } from "./console-command.ts";
import { registerExpertsCommand } from "./experts-command.ts";
import { registerMatchCommand } from "./match-command.ts";
import { registerMigrateCommand } from "./migrate-command.ts";
import { registerParseCommand } from "./parse-command.ts";
import { registerReportCommand } from "./report-command.ts";
import { registerStartCommand } from "./start-command.ts";
import { registerWorkerCommand } from "./worker-command.ts";

export function craftbridgeProgram(): Command {
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
  registerConsoleCommands(program);
  registerMigrateCommand(program);
  return program;
}
