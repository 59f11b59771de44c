// `npm start` as a person runs it: a real process, piped input, the printed lines, the exit code.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/test-database.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function craftbridge(args: string[], input: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["bin/craftbridge.js", ...args], {
    input,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      QUEUE_PREFIX: `cli-${process.pid}`,
      LOG_LEVEL: "",
      ...env,
    },
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: result.stdout.split("\n").filter(Boolean),
  };
}

describe("craftbridge start in the terminal", () => {
  it("runs a piped session to completion, prints one line per bot message, exits 0", () => {
    const session = [
      "/in 东莞制造企业群",
      "/as 东莞精工科技-王经理",
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ].join("\n");
    const run = craftbridge(["start"], `${session}\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines[0]).toMatch(/^\[东莞制造企业群\] 匠桥: 已登记需求 R-0001/);
    expect(
      run.lines.some((line) => /^\[dm:[^\]]+\] 匠桥: .*R-0001.*\[1:接受\] \[2:婉拒\] \[3:稍后再说\]$/.test(line)),
    ).toBe(true);
    for (const line of run.lines) expect(line).toMatch(/^\[[^\]]+\] 匠桥: /);
  });

  it("continues in a second run from the state of the first", () => {
    const first = craftbridge(
      ["start"],
      "/in 佛山企业服务群\n/as 佛山陶瓷-李厂长\n@匠桥 佛山的窑炉温控PLC经常跳闸，求专家远程指导\n",
    );
    expect(first.code, first.stderr).toBe(0);
    const code = /已登记需求 (R-\d{4})/.exec(first.stdout)?.[1];
    expect(code).toBeDefined();
    const second = craftbridge(["start"], `/as 工会小陈\n/request ${code}\n`);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`需求 ${code}`);
  });

  it("stops with one sentence naming REDIS_URL when Redis cannot be had", () => {
    const run = craftbridge(["start"], "帮助\n", { REDIS_URL: "redis://127.0.0.1:1", REDIS_AUTOSTART: "false" });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/REDIS_URL=redis:\/\/127\.0\.0\.1:1.*install Redis/);
  });

  it("refuses a bad setting, naming the variable", () => {
    const run = craftbridge(["start"], "", { MONTHLY_OFFER_CAP: "lots" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("MONTHLY_OFFER_CAP");
  });

  it("explains its commands", () => {
    const run = craftbridge(["--help"], "");
    expect(run.code).toBe(0);
    for (const command of ["start", "parse", "match", "experts"]) expect(run.stdout).toContain(command);
  });

  it("prints what it understands of a message as JSON", () => {
    const run = craftbridge(["parse", "加工中心做的薄壁件变形超差，厂在东莞，能不能派个师傅来看看"], "");
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.intent).toBe("request");
    expect(parsed.request.city).toBe("东莞");
  });
});
