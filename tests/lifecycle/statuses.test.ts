// The status sets agree with each other, and a transition moves a request only from the statuses it
// names, writing its timeline row with it or not at all.
import { describe, expect, it } from "vitest";
import {
  assignableMatchStatuses,
  cappedMatchStatuses,
  closedRequestStatuses,
  finishedRequestStatuses,
  holdingMatchStatuses,
  isRequestStatus,
  matchableRequestStatuses,
  matchStatus,
  matchStatuses,
  offerableRequestStatuses,
  openRequestStatuses,
  requestStatus,
  requestStatuses,
  unusedMatchStatuses,
  waitingRequestStatuses,
} from "../../core/statuses.ts";
import { offerMessageKey, offerNextJobId } from "../../jobs/lifecycle/queues.ts";
import { insertRequest, transitionRequest } from "../../prisma/requests.ts";
import { useFreshDatabases } from "../roster/test-db.ts";

const fresh = useFreshDatabases();

describe("status sets", () => {
  it("split every request status into open or finished, never both", () => {
    for (const status of requestStatuses) {
      expect(openRequestStatuses.includes(status) !== finishedRequestStatuses.includes(status)).toBe(true);
    }
    for (const status of [...waitingRequestStatuses, ...matchableRequestStatuses, ...offerableRequestStatuses]) {
      expect(openRequestStatuses).toContain(status);
    }
    for (const status of closedRequestStatuses) expect(finishedRequestStatuses).toContain(status);
  });

  it("offer only for confirmed open requests, and match only those not waiting on an offer", () => {
    expect([...offerableRequestStatuses].sort()).toEqual(openRequestStatuses.filter((s) => s !== "draft").sort());
    expect(matchableRequestStatuses).not.toContain("draft");
    expect(matchableRequestStatuses).not.toContain("offered");
  });

  it("never count a withdrawn or expired offer against the monthly cap", () => {
    expect(cappedMatchStatuses).not.toContain("withdrawn");
    expect(cappedMatchStatuses).not.toContain("expired");
    for (const status of [...cappedMatchStatuses, ...holdingMatchStatuses, ...assignableMatchStatuses]) {
      expect(matchStatuses).toContain(status);
    }
    // Staff may pick anyone not holding the request and not done with it.
    for (const status of assignableMatchStatuses) expect(holdingMatchStatuses).not.toContain(status);
    for (const status of unusedMatchStatuses) expect(assignableMatchStatuses).toContain(status);
  });

  it("refuse a stored status outside the union", () => {
    expect(requestStatus("offered")).toBe("offered");
    expect(isRequestStatus("Offered")).toBe(false);
    expect(() => requestStatus("done")).toThrow(/unknown request status/);
    expect(() => matchStatus("asked")).toThrow(/unknown match status/);
  });
});

describe("job ids and outbox keys", () => {
  it("name the next offer by the event that called for it", () => {
    expect(offerNextJobId(42, "after-m1-1")).toBe("offer-42-after-m1-1");
    expect(offerNextJobId(42, "after-m1-2")).not.toBe(offerNextJobId(42, "after-m1-1"));
  });

  it("give each offer attempt its own keys, the first one the plain key", () => {
    expect(offerMessageKey("offer", "m1", 1)).toBe("offer-m1");
    expect(offerMessageKey("offer", "m1", 2)).toBe("offer-m1-2");
    expect(offerMessageKey("withdrawn", "m1", 2)).not.toBe(offerMessageKey("withdrawn", "m1", 1));
  });
});

describe("a request transition", () => {
  async function newRequest() {
    const db = await fresh();
    const chat = await db.chat.create({ data: { platform: "terminal", externalId: "群", kind: "group" } });
    const person = await db.person.create({ data: { displayName: "王经理" } });
    const { id } = await insertRequest(db, {
      placeholderCode: "pending-1",
      chatId: chat.id,
      requesterId: person.id,
      text: "数控加工薄壁件变形",
      status: "draft",
      fields: {
        skills: "[]",
        teamKey: null,
        city: null,
        district: null,
        mode: "either",
        windowStart: null,
        windowEnd: null,
        kind: null,
        urgency: null,
      },
      locale: "zh-CN",
      waitReason: "draft_unconfirmed",
      contact: null,
      question: { topic: "city", expiresAt: new Date(Date.now() + 60_000) },
      codeOf: (n) => `R-${String(n).padStart(4, "0")}`,
    });
    return { db, id };
  }

  it("moves only from the statuses it names, and writes the timeline row with the change", async () => {
    const { db, id } = await newRequest();
    const refused = await transitionRequest(db, {
      id,
      from: ["open", "matching"],
      to: "closed",
      event: { actor: "system", type: "closed" },
    });
    expect(refused).toBe(false);
    expect((await db.helpRequest.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    expect(await db.requestEvent.count({ where: { requestId: id, type: "closed" } })).toBe(0);

    const expired = await transitionRequest(db, {
      id,
      from: ["draft"],
      to: "expired",
      event: { actor: "system", type: "expired_draft" },
      question: "drop",
    });
    expect(expired).toBe(true);
    expect((await db.helpRequest.findUniqueOrThrow({ where: { id } })).status).toBe("expired");
    expect(await db.requestEvent.count({ where: { requestId: id, type: "expired_draft" } })).toBe(1);
    expect(await db.pendingQuestion.count({ where: { requestId: id } })).toBe(0);
  });
});
