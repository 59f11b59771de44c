// Pages for a browser without a session: how to get a link, and the button that uses one.
import type { Locale, Translate } from "../../core/i18n.ts";
import { type Html, html } from "../html.ts";
import { document } from "../layout.ts";

/** Explains how to log in: a link from the chat. */
export function loginNeededPage(t: Translate, locale: Locale, problem?: string): Html {
  return document(
    locale,
    t("console.title"),
    html`<main class="login"><h1>${t("console.title")}</h1>
${problem ? html`<p class="error" role="alert">${problem}</p>` : ""}
<p>${t("console.login.how")}</p></main>`,
  );
}

/**
 * The page a login link opens. Using the link takes a press: a chat app's link preview fetches the page
 * but never posts the form, so it cannot use up the link.
 */
export function loginPage(t: Translate, locale: Locale, token: string): Html {
  return document(
    locale,
    t("console.title"),
    html`<main class="login"><h1>${t("console.title")}</h1>
<form method="post" action="/login"><input type="hidden" name="token" value="${token}">
<button type="submit">${t("console.login.enter")}</button></form></main>`,
  );
}
