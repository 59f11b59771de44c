// Redis set-ups beyond one server, started by the test on 127.0.0.1 in a temporary folder and torn down
// after it: a three-node Redis Cluster, and a master watched by one Sentinel.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";

/** Why a test of these set-ups cannot run here, or null when it can. */
export function redisServerMissing(): string | null {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
  const cli = spawnSync("redis-cli", ["--version"], { stdio: "ignore" }).status === 0;
  return found && cli ? null : "redis-server and redis-cli are not on the PATH (Debian: apt-get install redis-server)";
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it holds (a server starting, a cluster agreeing); throws after `timeoutMs`. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Runs one command on one server and disconnects. */
export async function ask(port: number, ...command: string[]): Promise<unknown> {
  const client = new Redis({ host: "127.0.0.1", port, lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const [name = "", ...args] = command;
    return await client.call(name, ...args);
  } finally {
    client.disconnect();
  }
}

export interface RedisTopology {
  /** REDIS_URL that reaches it. */
  url: string;
  /** Ports of the data-holding servers (the cluster's nodes, or the Sentinel's master). */
  dataPorts: number[];
  stop(): Promise<void>;
}

function startServer(dir: string, args: string[]): ChildProcess {
  const child = spawn("redis-server", [...args, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    cwd: dir,
    stdio: "ignore",
  });
  child.on("error", () => undefined);
  return child;
}

async function stopAll(children: ChildProcess[], dir: string): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}

/** Three masters, no replicas, every slot assigned: `redis-cli --cluster create` as an operator runs it. */
export async function startRedisCluster(): Promise<RedisTopology> {
  const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-cluster-"));
  const ports = [await freePort(), await freePort(), await freePort()];
  const children = ports.map((port) =>
    startServer(dir, [
      "--port",
      String(port),
      "--cluster-enabled",
      "yes",
      "--cluster-config-file",
      path.join(dir, `nodes-${port}.conf`),
      "--dir",
      dir,
    ]),
  );
  try {
    for (const port of ports) await until(`redis-server on ${port}`, async () => (await ask(port, "PING")) === "PONG");
    const create = spawnSync(
      "redis-cli",
      ["--cluster", "create", ...ports.map((port) => `127.0.0.1:${port}`), "--cluster-replicas", "0", "--cluster-yes"],
      { encoding: "utf8" },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    for (const port of ports)
      await until(`cluster_state:ok on ${port}`, async () =>
        String(await ask(port, "CLUSTER", "INFO")).includes("cluster_state:ok"),
      );
  } catch (error) {
    await stopAll(children, dir);
    throw error;
  }
  return {
    url: `redis+cluster://${ports.map((port) => `127.0.0.1:${port}`).join(",")}`,
    dataPorts: ports,
    stop: () => stopAll(children, dir),
  };
}

export interface SentinelTopology extends RedisTopology {
  /** SIGKILLs the master and resolves once the Sentinel has promoted the replica. */
  failOver(): Promise<void>;
}

/** One master, one replica of it, and one Sentinel that watches them under `name`. */
export async function startRedisSentinel(name = "craftbridge-master"): Promise<SentinelTopology> {
  const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-sentinel-"));
  const [masterPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()];
  const master = startServer(dir, ["--port", String(masterPort), "--dir", dir]);
  const replica = startServer(dir, [
    "--port",
    String(replicaPort),
    "--dir",
    dir,
    "--dbfilename",
    "replica.rdb",
    "--replicaof",
    "127.0.0.1",
    String(masterPort),
  ]);
  const children = [master, replica];
  try {
    await until("the master", async () => (await ask(masterPort, "PING")) === "PONG");
    await until("the replica in sync", async () =>
      String(await ask(replicaPort, "INFO", "replication")).includes("master_link_status:up"),
    );
    const conf = path.join(dir, "sentinel.conf");
    // Sentinel rewrites its configuration file, so it gets one of its own.
    writeFileSync(
      conf,
      [
        `port ${sentinelPort}`,
        "bind 127.0.0.1",
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 10000`,
        "",
      ].join("\n"),
    );
    children.push(
      spawn("redis-server", [conf, "--sentinel"], { cwd: dir, stdio: "ignore" }).on("error", () => undefined),
    );
    await until("the Sentinel", async () => {
      const master = (await ask(sentinelPort, "SENTINEL", "get-master-addr-by-name", name)) as string[] | null;
      return master?.[1] === String(masterPort);
    });
  } catch (error) {
    await stopAll(children, dir);
    throw error;
  }
  return {
    url: `redis+sentinel://127.0.0.1:${sentinelPort}/${name}`,
    dataPorts: [masterPort],
    stop: () => stopAll(children, dir),
    failOver: async () => {
      await new Promise<void>((resolve) => {
        master.once("exit", () => resolve());
        master.kill("SIGKILL");
      });
      await until(
        "the Sentinel to promote the replica",
        async () => {
          const now = (await ask(sentinelPort, "SENTINEL", "get-master-addr-by-name", name)) as string[] | null;
          return now?.[1] === String(replicaPort);
        },
        60_000,
      );
    },
  };
}
