// Child process of the start-up bench: starts the app as `npm start` does (migrations, demo roster in
// an empty database, Redis, queues, workers), prints one JSON line when it is ready, and stops. It loads
// what `npm start` loads: the command line program with every command, then the app.
// Arguments: DATABASE_URL, REDIS_URL, QUEUE_PREFIX.
const importStarted = performance.now();
const { craftbridgeProgram } = await import("../../cli/program.ts");
craftbridgeProgram();
const { startApp } = await import("../../bot/app.ts");
const { loadConfig } = await import("../../core/config.ts");
const { createLog } = await import("../../core/log.ts");
const { CountingAdapter } = await import("../support/counting-adapter.ts");
const imported = performance.now();

const [databaseUrl = "", redisUrl = "", prefix = ""] = process.argv.slice(2);
const config = loadConfig({
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_AUTOSTART: "false",
  QUEUE_PREFIX: prefix,
  LOG_LEVEL: "silent",
});
const app = await startApp({
  config,
  log: createLog("silent"),
  adapters: [new CountingAdapter()],
  startAdapters: false,
});
const ready = performance.now();
// performance.now() counts from the start of this process.
process.stdout.write(
  `${JSON.stringify({ ready_ms: Math.round(ready), imports_ms: Math.round(imported - importStarted), start_app_ms: Math.round(ready - imported), experts: await app.services.db.expert.count() })}\n`,
);
await app.stop();
process.exit(0);
