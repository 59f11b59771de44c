// Structured logs (pino). Phone numbers are redacted from every message and field.
import pino, { type Logger } from "pino";

export type Log = Logger;

const phonePattern = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Masks mainland mobile numbers: 13900001234 -> 139****1234. */
export function redactPhones(text: string): string {
  return text.replace(phonePattern, "$1****$2");
}

/** Creates the process logger. Logs go to stderr so the terminal chat's stdout stays clean. */
export function createLog(level: string, destination: NodeJS.WritableStream = process.stderr): Log {
  return pino(
    {
      level,
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg) =>
            typeof arg === "string" ? redactPhones(arg) : arg && typeof arg === "object" ? redactObject(arg) : arg,
          );
          method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function redactObject(value: object): object {
  try {
    return JSON.parse(redactPhones(JSON.stringify(value)));
  } catch {
    return value;
  }
}
