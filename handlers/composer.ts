// A composer in grammY's manner: middleware is `(ctx, next)`, run in the order it was added; a
// middleware that does not call `next` ends the message's way through the chain. Text, card buttons and
// slash commands all pass through the one chain (handlers/router.ts puts the features in order).

import type { HandlerContext } from "./context.ts";

export type Next = () => Promise<void>;
export type Middleware<C = HandlerContext> = (ctx: C, next: Next) => Promise<void>;

/** The button value of a card press, `action:arg:arg` (jobs/offer.ts, digest and follow-up cards). */
export function pressedAction(ctx: HandlerContext): { action: string; args: string[] } | null {
  const value = ctx.message.press?.value;
  if (!value) return null;
  const [action = "", ...args] = value.split(":");
  return { action, args };
}

/** The slash command of a message, name lower-cased, or null. */
export function slashCommand(ctx: HandlerContext): { name: string; args: string[] } | null {
  const { understanding } = ctx;
  return understanding.intent === "command"
    ? { name: understanding.command.name.toLowerCase(), args: understanding.command.args }
    : null;
}

/** Runs `stack` in order; calling one `next` twice is a bug in that middleware and throws. */
export function compose<C>(stack: readonly Middleware<C>[]): Middleware<C> {
  return (ctx, last) => {
    const step = async (index: number): Promise<void> => {
      const middleware = stack[index];
      if (!middleware) return last();
      let called = false;
      await middleware(ctx, async () => {
        if (called) throw new Error("next() called more than once");
        called = true;
        await step(index + 1);
      });
    };
    return step(0);
  };
}

export class Composer<C extends HandlerContext = HandlerContext> {
  private readonly stack: Middleware<C>[] = [];

  /** Adds middleware to the end of the chain. */
  use(...middleware: Middleware<C>[]): this {
    this.stack.push(...middleware);
    return this;
  }

  /** Runs `middleware` only for messages that `predicate` holds for; the others pass on. */
  filter(predicate: (ctx: C) => boolean, ...middleware: Middleware<C>[]): this {
    const branch = compose(middleware);
    return this.use((ctx, next) => (predicate(ctx) ? branch(ctx, next) : next()));
  }

  /** A card button whose value starts with one of `actions`; the handler gets the value's arguments. */
  action(actions: string | readonly string[], handler: (ctx: C, args: string[], action: string) => Promise<void>) {
    const names = typeof actions === "string" ? [actions] : actions;
    return this.use((ctx, next) => {
      const pressed = pressedAction(ctx);
      return pressed && names.includes(pressed.action) ? handler(ctx, pressed.args, pressed.action) : next();
    });
  }

  /** A slash command by any of `names` (lower case); the handler gets its arguments. */
  command(names: string | readonly string[], handler: (ctx: C, args: string[]) => Promise<void>): this {
    const list = typeof names === "string" ? [names] : names;
    return this.use((ctx, next) => {
      const command = slashCommand(ctx);
      return command && list.includes(command.name) ? handler(ctx, command.args) : next();
    });
  }

  /** The whole chain as one middleware. */
  middleware(): Middleware<C> {
    return compose(this.stack);
  }
}
