// The introduction asked an enterprise with no phone on file for one ("请直接回复一个联系电话"): a phone number
// it sends privately goes to the expert who accepted, so the expert is never told to look in a group they are
// not in.
import { findContact } from "../core/understanding/contact.ts";
import { sendToPerson } from "../jobs/services.ts";
import { requestAwaitingContact, savePersonPhone } from "../prisma/contact-relay.ts";
import type { HandlerContext } from "./context.ts";

/** Relays a phone number sent privately by an enterprise awaiting it; false when the message is not one. */
export async function handleContactRelay(ctx: HandlerContext): Promise<boolean> {
  const { services, chat, speaker, message, t } = ctx;
  if (chat.kind !== "direct") return false;
  const phone = findContact(message.text);
  if (!phone) return false;
  const waiting = await requestAwaitingContact(services.db, speaker.personId);
  if (!waiting || waiting.experts.length === 0) return false;
  await savePersonPhone(services.db, speaker.personId, phone);
  for (const expert of waiting.experts) {
    await sendToPerson(services, {
      personId: expert.personId,
      key: `contact-relay-${waiting.code}-${expert.personId}`,
      compose: (et) => ({
        kind: "text",
        text: et("intro.contact_relayed_to_expert", {
          code: waiting.code,
          requester: waiting.requesterName,
          phone,
        }),
      }),
    });
  }
  const experts = waiting.experts.map((expert) => expert.name).join(t("list.separator"));
  await ctx.reply(t("intro.contact_relayed", { code: waiting.code, experts }));
  return true;
}
