// Runs a bench child process under tsx and reads the one JSON line it prints.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const childFile = (name: string) => fileURLToPath(new URL(`../children/${name}`, import.meta.url));

export interface ChildResult<T> {
  result: T;
  /** From spawn to the JSON line, in ms, as the parent saw it. */
  wallMs: number;
}

/** Spawns `bench/children/<name>` and resolves with its last JSON line; rejects on a non-zero exit. */
export function runChild<T>(name: string, args: string[], nodeArgs: string[] = []): Promise<ChildResult<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let seenAt = 0;
    let out = "";
    let err = "";
    const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", childFile(name), ...args], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (!seenAt && out.includes("\n")) seenAt = performance.now();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`bench child ${name} exited ${code}: ${err.slice(-2000)}`));
        return;
      }
      resolve({ result: JSON.parse(line) as T, wallMs: seenAt - started });
    });
  });
}

/** Forks `bench/children/<name>` with an IPC channel, under tsx. */
export function forkChild(name: string, args: string[]): ChildProcess {
  return fork(childFile(name), args, {
    cwd: repoRoot,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}
