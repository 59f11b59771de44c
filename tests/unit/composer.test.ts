// The router's composer: middleware runs in order, a middleware that does not call next ends the
// message's way, and calling next twice is refused loudly rather than running the rest twice.
import { describe, expect, it } from "vitest";
import { Composer, compose, type Middleware } from "../../handlers/composer.ts";
import type { HandlerContext } from "../../handlers/context.ts";

type Trace = { seen: string[] };

/** Just enough of a handler context for routing: a message and what was understood of it. */
function message(fields: { text?: string; press?: string; command?: string[] }): HandlerContext & Trace {
  const [name, ...args] = fields.command ?? [];
  return {
    seen: [],
    message: { text: fields.text ?? "", press: fields.press ? { cardId: "c", value: fields.press } : undefined },
    understanding:
      name === undefined
        ? { intent: "chatter", locale: "zh-CN", addressed: false }
        : { intent: "command", command: { name, args }, locale: "zh-CN", addressed: false },
  } as unknown as HandlerContext & Trace;
}

const mark =
  (name: string): Middleware<HandlerContext & Trace> =>
  async (ctx, next) => {
    ctx.seen.push(name);
    await next();
  };

describe("the composer", () => {
  it("runs middleware in order until one does not call next", async () => {
    const ctx = message({});
    const stop: Middleware<HandlerContext & Trace> = async (c) => {
      c.seen.push("stop");
    };
    await compose([mark("a"), mark("b"), stop, mark("never")])(ctx, async () => undefined);
    expect(ctx.seen).toEqual(["a", "b", "stop"]);
  });

  it("refuses a middleware that calls next twice", async () => {
    const ctx = message({});
    const twice: Middleware<HandlerContext & Trace> = async (_, next) => {
      await next();
      await next();
    };
    await expect(compose([twice, mark("after")])(ctx, async () => undefined)).rejects.toThrow(
      /next\(\) called more than once/,
    );
    expect(ctx.seen).toEqual(["after"]);
  });

  it("routes slash commands by name or alias, and card buttons by action, through one chain", async () => {
    const router = new Composer<HandlerContext & Trace>()
      .command(["help", "帮助"], async (ctx, args) => {
        ctx.seen.push(`help ${args.join(" ")}`.trim());
      })
      .action("offer.accept", async (ctx, [matchId]) => {
        ctx.seen.push(`accept ${matchId}`);
      })
      .use(async (ctx) => {
        ctx.seen.push("rest");
      });
    const chain = router.middleware();
    const asked = [message({ command: ["帮助"] }), message({ press: "offer.accept:m1" }), message({ text: "你好" })];
    for (const ctx of asked) await chain(ctx, async () => undefined);
    expect(asked.map((ctx) => ctx.seen)).toEqual([["help"], ["accept m1"], ["rest"]]);
  });
});
