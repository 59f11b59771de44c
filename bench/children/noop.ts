// Child process of the start-up bench: the runtime alone (node + tsx), the reference for start-up time.
process.stdout.write(`${JSON.stringify({ ready_ms: Math.round(performance.now()) })}\n`);
