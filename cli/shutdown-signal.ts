// SIGTERM (or Ctrl-C) ends a process gracefully: stop taking work, finish or hand back running jobs,
// close Redis and the database. Whatever hangs, the process is gone within 10 seconds of the signal.

const hardLimitMs = 9500;

/** Resolves on the first SIGTERM or SIGINT, and from then ends the process after 9.5 s at the latest. */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      setTimeout(() => {
        process.stderr.write(`Shutdown took longer than ${hardLimitMs} ms; exiting.\n`);
        process.exit(1);
      }, hardLimitMs).unref();
      resolve(signal);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
}
