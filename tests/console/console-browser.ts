// Drives the staff console in Debian's chromium (playwright-core, no browser download): a console
// served on a free port over a test bot's own services, and a fresh browser context per visitor.

import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterEach } from "vitest";
import { createConsole } from "../../console/console-app.ts";
import { type ServedConsole, serveConsole } from "../../console/serve-console.ts";
import { findStaffMember } from "../../prisma/console-people.ts";
import { createConsoleLink } from "../../prisma/console-sessions.ts";
import type { TestBot } from "../support/test-bot.ts";

export const chromiumPath = "/usr/bin/chromium";
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export interface ConsoleUnderTest {
  url: string;
  /** A one-time login link for a staff member, as `console-link NAME` prints it. */
  linkFor(name: string): Promise<string>;
  linkForPerson(personId: string): Promise<string>;
  /** A page in a browser context of its own (its own cookies). */
  newPage(): Promise<Page>;
  /** Opens a link and presses the button, as a staff member does. */
  logIn(link: string): Promise<Page>;
}

/** Starts a console per test over the given bot; everything is closed after the test. */
export function useConsole(): (bot: TestBot) => Promise<ConsoleUnderTest> {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let served: ServedConsole | undefined;
  afterEach(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    contexts = [];
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await served?.close();
    served = undefined;
  });
  return async (bot) => {
    const { services } = bot.app;
    served = await serveConsole(createConsole({ services }), "127.0.0.1", 0);
    browser = await chromium.launch({ executablePath: chromiumPath, args });
    const url = served.url;
    const opened = browser;
    const newPage = async () => {
      const context = await opened.newContext({ locale: "zh-CN" });
      contexts.push(context);
      return context.newPage();
    };
    const linkForPerson = async (personId: string) => `${url}/login/${await createConsoleLink(services.db, personId)}`;
    return {
      url,
      newPage,
      linkForPerson,
      linkFor: async (name) => {
        const member = await findStaffMember(services.db, services.config, name);
        if (!member) throw new Error(`${name} is not staff`);
        return linkForPerson(member.personId);
      },
      logIn: async (link) => {
        const page = await newPage();
        await page.goto(link);
        await page.getByRole("button", { name: "进入工作台" }).click();
        await page.waitForLoadState();
        return page;
      },
    };
  };
}
