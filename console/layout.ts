// The frame of every console page: navigation, who is logged in, the language switch, messages.
import { keyIn, type Locale, type Translate } from "../core/i18n.ts";
import { teamLabel } from "../core/request-format.ts";
import type { Services } from "../jobs/services.ts";
import type { ConsoleViewer } from "../prisma/console-sessions.ts";
import { type Html, html } from "./html.ts";

export interface PageContext {
  services: Services;
  viewer: ConsoleViewer;
  locale: Locale;
  t: Translate;
  now: Date;
  /** What the last action said (the chat's own reply to the same command). */
  flash: string[];
  /** The page's own path and query, to come back to after switching language. */
  here: string;
}

export type Section = "board" | "experts" | "programme" | "staff";

/** A form's hidden CSRF field: every form of a session carries its token. */
export function csrfField(ctx: PageContext): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.viewer.csrf}">`;
}

export function document(locale: Locale, title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/console.css">
<script src="/assets/console.js" defer></script>
</head>
<body>${body}</body>
</html>`;
}

export function page(ctx: PageContext, section: Section, title: string, body: Html): Html {
  const { t, viewer, locale } = ctx;
  const nav = (key: Section, href: string) =>
    html`<a href="${href}" class="${key === section ? "current" : ""}">${t(keyIn("console.nav", key))}</a>`;
  const other: Locale = locale === "zh-CN" ? "en" : "zh-CN";
  return document(
    locale,
    `${title} · ${t("console.title")}`,
    html`<header class="top">
  <strong class="brand">${t("console.title")}</strong>
  <nav>${nav("board", "/")}${nav("experts", "/experts")}${nav("programme", "/programme")}${viewer.role === "admin" ? nav("staff", "/staff") : ""}</nav>
  <span class="who">${t("console.signed_in", { name: viewer.displayName, role: t(keyIn("roles.names", viewer.role), { team: teamLabel(viewer.staffTeamKey, locale) ?? "—" }) })}</span>
  <form method="post" action="/locale" class="inline">${csrfField(ctx)}<input type="hidden" name="locale" value="${other}"><input type="hidden" name="back" value="${ctx.here}"><button type="submit">${t("console.switch_language")}</button></form>
  <form method="post" action="/logout" class="inline">${csrfField(ctx)}<button type="submit">${t("console.logout")}</button></form>
</header>
<main>
${ctx.flash.map((line) => html`<p class="flash" role="status">${line}</p>`)}
<h1>${title}</h1>
${body}
</main>`,
  );
}
