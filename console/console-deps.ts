// What the console's routes share: the app's type, the services, and the CSRF check of every form.
import type { Context, Hono } from "hono";
import type { Ranker } from "../jobs/ranker.ts";
import type { Services } from "../jobs/services.ts";
import type { PageContext } from "./layout.ts";

export type ConsoleEnv = { Variables: { page: PageContext } };
export type ConsoleApp = Hono<ConsoleEnv>;

export interface ConsoleDeps {
  services: Services;
  ranker: Ranker;
  now: () => Date;
  /** Messages for the next page a session sees, after an action redirects. */
  flashes: Map<string, string[]>;
}

/** Every POST of a session carries its CSRF token; a form without it changes nothing. */
export async function formOf(c: Context<ConsoleEnv>): Promise<Record<string, string | File> | null> {
  const body = await c.req.parseBody();
  const token = body["_csrf"];
  if (typeof token !== "string" || token !== c.get("page").viewer.csrf) return null;
  return body as Record<string, string | File>;
}
