// The staff console: a Hono app over the bot's own services. Pages are rendered on the server; the one
// script and stylesheet are served from console/assets, so it works on a machine with no internet access.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import type { Locale } from "../core/i18n.ts";
import { Throttle } from "../core/throttle.ts";
import { createRanker, type Ranker } from "../jobs/ranker.ts";

import { type Services, translate } from "../jobs/services.ts";
import {
  endConsoleSession,
  redeemConsoleLink,
  sessionLifetimeMs,
  setViewerLocale,
  viewerOfSession,
} from "../prisma/console-sessions.ts";
import { registerBoardRoutes } from "./board-routes.ts";
import { type ConsoleApp, type ConsoleDeps, type ConsoleEnv, formOf } from "./console-deps.ts";
import { registerExpertRoutes } from "./expert-routes.ts";
import { loginNeededPage, loginPage } from "./pages/login-page.ts";
import { registerProgrammeRoutes } from "./programme-routes.ts";
import { registerRequestRoutes } from "./request-routes.ts";
import { registerStaffRoutes } from "./staff-routes.ts";

export const sessionCookie = "craftbridge_console";

export interface ConsoleOptions {
  services: Services;
  /** The matcher's retrieval for the expert search; the console builds its own by default. */
  ranker?: Ranker;
  now?: () => Date;
  /** Login attempts per address per minute. */
  loginAttemptsPerMinute?: number;
}

const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "assets");
const assets: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
};

export function createConsole(options: ConsoleOptions): ConsoleApp {
  const { services } = options;
  const deps: ConsoleDeps = {
    services,
    ranker: options.ranker ?? createRanker(services.db),
    now: options.now ?? (() => new Date()),
    flashes: new Map(),
  };
  const logins = new Throttle({ maxMessages: options.loginAttemptsPerMinute ?? 10, windowMs: 60_000 });
  const app = new Hono<ConsoleEnv>();
  // Before a staff member has a language of their own: the browser's, when it prefers English over Chinese.
  const readerLocale = (c: Context): Locale =>
    browserLocale(c.req.header("accept-language"), services.config.DEFAULT_LOCALE);

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "no-referrer",
    }),
  );
  app.onError((error, c) => {
    services.log.error({ err: error, path: c.req.path }, "Console page failed");
    return c.text("500", 500);
  });

  // Chinese needs a CJK font and a machine may have none: Noto Sans SC from its npm package, as the charts use.
  app.get("/assets/fonts/noto-sans-sc.ttf", (c) => {
    const file = notoSansSc();
    if (!file) return c.notFound();
    return c.body(readFileSync(file), 200, {
      "content-type": "font/ttf",
      "cache-control": "public, max-age=604800, immutable",
    });
  });

  app.get("/assets/:file", (c) => {
    const file = c.req.param("file");
    const type = assets[file];
    if (!type) return c.notFound();
    return c.body(readFileSync(path.join(assetsDir, file)), 200, {
      "content-type": type,
      "cache-control": "no-cache",
    });
  });

  // Browsers ask for it on every first visit: no icon, and no 401 in their console for it.
  app.get("/favicon.ico", (c) => c.body(null, 204));

  app.get("/login/:token", (c) => {
    const locale = readerLocale(c);
    return c.html(loginPage(translate(services, locale), locale, c.req.param("token")).text);
  });

  app.post("/login", async (c) => {
    const locale = readerLocale(c);
    const t = translate(services, locale);
    // The socket's address, not a forwarded header anyone could vary.
    if (logins.check(`login:${remoteAddress(c)}`) !== "pass") {
      return c.html(loginNeededPage(t, locale, t("console.login.too_many")).text, 429);
    }
    const body = await c.req.parseBody();
    const token = typeof body["token"] === "string" ? body["token"] : "";
    const session = token ? await redeemConsoleLink(services.db, token, deps.now()) : null;
    if (!session) return c.html(loginNeededPage(t, locale, t("console.login.refused")).text, 401);
    setCookie(c, sessionCookie, session.token, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      maxAge: Math.floor(sessionLifetimeMs / 1000),
      secure: new URL(c.req.url).protocol === "https:",
    });
    return c.redirect("/", 303);
  });

  // Everything below needs a session: without one, 401 and how to get a link.
  app.use("*", async (c, next): Promise<Response | undefined> => {
    const token = getCookie(c, sessionCookie);
    const now = deps.now();
    const viewer = token ? await viewerOfSession(services.db, token, now) : null;
    if (!viewer) {
      if (token) deleteCookie(c, sessionCookie, { path: "/" });
      const locale = readerLocale(c);
      return c.html(loginNeededPage(translate(services, locale), locale).text, 401);
    }
    const locale: Locale = viewer.locale ?? readerLocale(c);
    const flash = deps.flashes.get(viewer.csrf) ?? [];
    deps.flashes.delete(viewer.csrf);
    const url = new URL(c.req.url);
    const here = url.pathname + url.search;
    c.set("page", { services, viewer, locale, t: translate(services, locale), now, flash, here });
    await next();
    return undefined;
  });

  app.post("/logout", async (c) => {
    if (!(await formOf(c))) return c.text("403", 403);
    const token = getCookie(c, sessionCookie);
    if (token) await endConsoleSession(services.db, token);
    deleteCookie(c, sessionCookie, { path: "/" });
    const locale = readerLocale(c);
    return c.html(loginNeededPage(translate(services, locale), locale).text, 200);
  });

  app.post("/locale", async (c) => {
    const form = await formOf(c);
    if (!form) return c.text("403", 403);
    await setViewerLocale(services.db, c.get("page").viewer.personId, String(form["locale"] ?? ""));
    const back = String(form["back"] ?? "/");
    return c.redirect(back.startsWith("/") && !back.startsWith("//") ? back : "/", 303);
  });

  registerBoardRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerExpertRoutes(app, deps);
  registerProgrammeRoutes(app, deps);
  registerStaffRoutes(app, deps);
  return app;
}

let fontFile: string | null | undefined;

function notoSansSc(): string | null {
  if (fontFile === undefined) {
    try {
      fontFile = createRequire(import.meta.url).resolve(
        "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
      );
    } catch {
      fontFile = null;
    }
  }
  return fontFile;
}

/** The first of zh and en in an Accept-Language header, by its order and weights; the default otherwise. */
export function browserLocale(header: string | undefined, fallback: Locale): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number.parseFloat(params.find((param) => param.trim().startsWith("q="))?.split("=")[1] ?? "1");
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return fallback;
}

function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}
