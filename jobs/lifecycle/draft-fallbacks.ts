// A draft whose question gets no usable answer does not ask forever: an enterprise outside Guangdong hears
// why the programme cannot help and the draft closes; a city that never comes is left open and matching goes
// on without it. Staff hear about both, so a person can follow up.
import type { TranslationKey } from "../../core/i18n.ts";
import { problemExcerpt } from "../../core/request-format.ts";
import { staffPersonIds } from "../../prisma/request-hand-off.ts";
import { addEvent, countEvents, findRequest, type StoredRequest, transitionRequest } from "../../prisma/requests.ts";
import { type Services, sendToPerson } from "../services.ts";
import { completeDraft, startMatching } from "./request-changes.ts";

const unanswered = "question_unanswered";

/** Records a message that did not answer the draft's question; returns how many such messages there were. */
export async function recordUnanswered(services: Services, requestId: number, actor: string): Promise<number> {
  await addEvent(services.db, requestId, { actor, type: unanswered });
  return countEvents(services.db, requestId, unanswered);
}

/** The enterprise is outside Guangdong: the draft closes; false when it was no draft any more. */
export async function closeOutsideGuangdong(
  services: Services,
  request: StoredRequest,
  actor: string,
  answer: string,
): Promise<boolean> {
  const closed = await transitionRequest(services.db, {
    id: request.id,
    from: ["draft"],
    to: "closed",
    set: { closedAt: new Date(), waitReason: null },
    event: { actor, type: "out_of_province", detail: { answer } },
    question: "drop",
  });
  if (closed) await tellStaff(services, request, "staff.out_of_province", answer);
  return closed;
}

/** No city after two tries: the draft opens without one, matching starts, and staff are asked to find out. */
export async function openWithoutCity(
  services: Services,
  request: StoredRequest,
  actor: string,
): Promise<StoredRequest | null> {
  const opened = await completeDraft(services, { id: request.id, actor, changes: {}, stillMissing: null });
  if (!opened) return null;
  await tellStaff(services, opened, "staff.city_unknown", "");
  await startMatching(services, opened.id, "without-city");
  return findRequest(services.db, opened.id);
}

async function tellStaff(services: Services, request: StoredRequest, key: TranslationKey, answer: string) {
  for (const personId of await staffPersonIds(services.db)) {
    await sendToPerson(services, {
      personId,
      key: `${key}-${request.id}-${personId}`,
      compose: (t) => ({
        kind: "text",
        text: t(key, { code: request.code, text: problemExcerpt(request.text), answer: problemExcerpt(answer, 40) }),
      }),
    });
  }
}
