// craftbridge command line: start the bot, understand a message, batch-match, manage the roster.
import { craftbridgeProgram } from "./program.ts";

await craftbridgeProgram().parseAsync(process.argv);
