// The honest hand-off: when nobody in the roster clears the relevance floor, nobody is asked. The enterprise
// hears plainly that no fitting expert was found yet and that staff will look (intake.no_match); staff get the
// request with the experts who came closest, what each brings and why each falls short, and a button (or
// /assign) per expert.
import { keyIn, type Translate } from "../../core/i18n.ts";
import type { OutgoingMessage } from "../../core/messages.ts";
import { problemExcerpt } from "../../core/request-format.ts";
import { skillByKey } from "../../core/understanding/skills.ts";
import { requestCode, staffPersonIds } from "../../prisma/request-hand-off.ts";
import { markHandedOff } from "../lifecycle/hand-off.ts";
import { type Services, sendToChat, sendToPerson, translate } from "../services.ts";
import type { MatchReason, PartialCandidate } from "./types.ts";

function render(t: Translate, reasons: readonly MatchReason[]): string {
  return reasons.map((reason) => t(keyIn("reasons", reason.key), reason.params)).join(t("list.dot"));
}

/** Hands a request nobody fits to staff; does nothing when it was handed off already. */
export async function handOff(services: Services, requestId: number, partial: readonly PartialCandidate[]) {
  const request = await markHandedOff(services.db, requestId, partial.length);
  if (!request) return;
  const t = translate(services, request.locale === "en" ? "en" : "zh-CN");
  await sendToChat(services, {
    chatId: request.chatId,
    key: `hand-off-${requestId}`,
    message: { kind: "text", text: t("intake.no_match", { code: request.code }) },
  });
  const reason = partial.length > 0 ? "no_fit" : "no_candidate";
  for (const personId of await staffPersonIds(services.db)) {
    await sendToPerson(services, {
      personId,
      key: `hand-off-${requestId}-${personId}`,
      compose: (st): OutgoingMessage => {
        const text = st("staff.unmatched", {
          code: request.code,
          reason: st(`reason_none.${reason}`),
          text: problemExcerpt(request.text),
        });
        const first = partial[0];
        if (!first) return { kind: "text", text };
        const lines = partial.map((candidate) =>
          st("matching.hand_off.partial_line", {
            name: candidate.name,
            id: candidate.externalId,
            has: render(st, candidate.reasons) || st("matching.hand_off.nothing_shared"),
            short: render(st, candidate.shortfall),
          }),
        );
        return {
          kind: "card",
          text: [
            text,
            st("matching.hand_off.partial_header"),
            ...lines,
            st("matching.hand_off.assign_hint", { code: request.code, id: first.externalId }),
          ].join("\n"),
          buttons: partial.map((candidate) => ({
            label: st("matching.hand_off.assign_button", { name: candidate.name }),
            value: `staff.assign:${request.code}:${candidate.externalId}`,
          })),
        };
      },
    });
  }
}

/** A team request with a role nobody in the roster covers: staff hear which role, and fill it with /assign. */
export async function tellStaffMissingRoles(services: Services, requestId: number, missing: readonly string[]) {
  const code = await requestCode(services.db, requestId);
  if (!code) return;
  for (const personId of await staffPersonIds(services.db)) {
    await sendToPerson(services, {
      personId,
      key: `missing-role-${requestId}-${personId}`,
      compose: (st, locale) => ({
        kind: "text",
        text: st("matching.hand_off.missing_role", {
          code,
          roles: missing
            .map((key) => {
              const skill = skillByKey(key);
              return skill ? (locale === "en" ? skill.en : skill.zh) : key;
            })
            .join(st("list.separator")),
        }),
      }),
    });
  }
}
