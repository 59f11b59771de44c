// A message the platform would not take after every retry is never dropped silently: each staff
// member is told privately what did not reach whom, once per message.

import type { OutboundMessage } from "../prisma/outbox-repository.ts";
import { peopleWithRoles } from "../prisma/people.ts";
import { type Services, sendToPerson } from "./services.ts";

const noticePrefix = "delivery-failed-";

function excerpt(payload: string): string {
  try {
    const message = JSON.parse(payload) as { text?: unknown; path?: unknown };
    const text = typeof message.text === "string" ? message.text : String(message.path ?? "");
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return "";
  }
}

/** Tells staff about a failed outbox row. Notices that fail themselves are only logged, never noticed again. */
export async function noticeFailedDelivery(services: Services, row: OutboundMessage): Promise<void> {
  services.log.error(
    { outboxId: row.id, key: row.key, platform: row.platform, err: row.error },
    "Message not delivered",
  );
  if (row.key.startsWith(noticePrefix)) return;
  const staff = await peopleWithRoles(services.db, ["staff", "admin"]);
  for (const member of staff) {
    await sendToPerson(services, {
      personId: member.id,
      key: `${noticePrefix}${row.id}-${member.id}`,
      compose: (t) => ({
        kind: "text",
        text: t("delivery.failed_notice", {
          platform: row.platform,
          target: `${row.targetKind}:${row.targetId}`,
          text: excerpt(row.payload),
          error: (row.error ?? "").slice(0, 120),
          attempts: row.attempts,
        }),
      }),
    });
  }
}
