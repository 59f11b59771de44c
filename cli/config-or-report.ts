// Every command starts the same way: the settings, or one line naming the bad variable on stderr.
import { type Config, ConfigError, loadConfig } from "../core/config.ts";

/** The validated settings, or null after writing the ConfigError's sentence to stderr. */
export function configOrReport(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}
