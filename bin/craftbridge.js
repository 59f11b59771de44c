#!/usr/bin/env node
// The package's command line: runs the TypeScript entry through tsx, so a clone needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../cli/index.ts");
