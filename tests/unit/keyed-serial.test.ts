// Messages to one chat go out one after the other in the order queued; other chats do not wait for them.
import { describe, expect, it } from "vitest";
import { KeyedSerial } from "../../core/keyed-serial.ts";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("one line per chat", () => {
  it("keeps the order within a chat, lets other chats pass, and is not held up by a failure", async () => {
    const serial = new KeyedSerial();
    const events: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await later(ms);
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      serial.run("group", task("a1", 30, true)),
      serial.run("group", task("a2", 1)),
      serial.run("dm", task("b1", 1)),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    // b1 runs while a1 is still running; a2 starts only once a1 has ended.
    expect(events.indexOf("end b1")).toBeLessThan(events.indexOf("end a1"));
    expect(events.indexOf("start a2")).toBeGreaterThan(events.indexOf("end a1"));
  });
});
