// A bot process behind the real Lark adapter (webhook mode, or the long connection), for fault tests
// that SIGKILL it in the middle of a burst of events. Settings come from the environment as in
// production; it prints `ready <webhook port>` once it takes events.
import { createPlatformAdapters } from "../../../bot/adapters/index.ts";
import type { LarkAdapter } from "../../../bot/adapters/lark/lark-adapter.ts";
import { type App, startApp } from "../../../bot/app.ts";
import { shutdownSignal } from "../../../cli/shutdown-signal.ts";
import { loadConfig } from "../../../core/config.ts";
import { createLog } from "../../../core/log.ts";

const config = loadConfig();
const log = createLog(config.LOG_LEVEL ?? "silent");
const signal = shutdownSignal();
let app: App | undefined;
const adapters = await createPlatformAdapters(config, log, { db: () => app?.services.db });
app = await startApp({ config, log, adapters });
process.stdout.write(`ready ${(adapters[0] as LarkAdapter).port}\n`);
await signal;
await app.stop();
process.exit(0);
