// Every table that both Prisma and the typed plain-SQL path (prisma/sql/) write: a row written by one
// reads back through the other with the same ids, instants and booleans, and dates are stored as the
// same text (the hot path compares them as text: `updatedAt > ?`).
import { afterEach, describe, expect, it } from "vitest";
import { resolveChat } from "../../prisma/chats-repository.ts";
import { closeDatabase, type Db, directSql } from "../../prisma/client.ts";
import { markInbound, recordInbound } from "../../prisma/inbound-repository.ts";
import { markOutboundSent, storeOutbound } from "../../prisma/outbox-repository.ts";
import { personIdForExpert, personLocale, reachPerson } from "../../prisma/people.ts";
import { builder } from "../../prisma/sql/builder.ts";
import { fromSqlBool, fromSqlDate, newId, sqlDate } from "../../prisma/sql/values.ts";
import { freshDatabase } from "../roster/test-db.ts";

let db: Db | undefined;

afterEach(async () => {
  if (db) await closeDatabase(db);
  db = undefined;
});

const at = new Date("2026-11-23T08:30:15.123Z");

async function open(): Promise<Db> {
  db = await freshDatabase();
  return db;
}

async function expertAndRequest(prisma: Db) {
  const expert = await prisma.expert.create({ data: { externalId: "E1", name: "李工", paused: true } });
  const person = await prisma.person.create({ data: { displayName: "厂长" } });
  const chat = await prisma.chat.create({ data: { platform: "lark", externalId: "oc_1", kind: "group" } });
  const request = await prisma.helpRequest.create({
    data: { code: "R-0001", chatId: chat.id, requesterId: person.id, text: "数控机床", createdAt: at, closedAt: at },
  });
  return { expert, person, chat, request };
}

describe("rows written by Prisma, read by the typed path", () => {
  it("keeps ids, dates (as Prisma's text) and booleans", async () => {
    const prisma = await open();
    const { expert, chat, request } = await expertAndRequest(prisma);
    const sql = directSql(prisma);
    const storedExpert = await sql.first(builder.selectFrom("Expert").selectAll().where("id", "=", expert.id));
    expect(storedExpert && fromSqlBool(storedExpert.paused)).toBe(true);
    expect(storedExpert && fromSqlBool(storedExpert.canRemote)).toBe(false);
    expect(storedExpert?.updatedAt).toBe(sqlDate(expert.updatedAt));
    const storedChat = await sql.first(builder.selectFrom("Chat").selectAll().where("id", "=", chat.id));
    expect(storedChat?.served).toBe(1);
    const storedRequest = await sql.first(builder.selectFrom("HelpRequest").selectAll().where("id", "=", request.id));
    expect(storedRequest?.createdAt).toBe(sqlDate(at));
    expect(storedRequest?.closedAt && fromSqlDate(storedRequest.closedAt)).toEqual(at);
    expect(storedRequest?.confirmedAt).toBeNull();

    const match = await prisma.match.create({
      data: { requestId: request.id, expertId: expert.id, rank: 1, score: 0.5, offeredAt: at },
    });
    const storedMatch = await sql.first(builder.selectFrom("Match").selectAll().where("id", "=", match.id));
    expect(storedMatch).toMatchObject({ requestId: request.id, score: 0.5, offeredAt: sqlDate(at) });

    const event = await prisma.requestEvent.create({
      data: { requestId: request.id, actor: "system", type: "created", createdAt: at },
    });
    expect(await sql.first(builder.selectFrom("RequestEvent").select("createdAt").where("id", "=", event.id))).toEqual({
      createdAt: sqlDate(at),
    });
    const question = await prisma.pendingQuestion.create({
      data: { chatId: chat.id, personId: request.requesterId, topic: "request.city", expiresAt: at },
    });
    expect(
      await sql.first(builder.selectFrom("PendingQuestion").select("expiresAt").where("id", "=", question.id)),
    ).toEqual({
      expiresAt: sqlDate(at),
    });
  });

  it("finds Prisma's chats, people, identities and outbox rows through the repositories", async () => {
    const prisma = await open();
    const chat = await prisma.chat.create({
      data: { platform: "lark", externalId: "oc_9", kind: "direct", title: "t", locale: "en" },
    });
    expect(
      await resolveChat(prisma, {
        platform: "lark",
        chatId: "oc_9",
        chatKind: "direct",
        chatTitle: undefined,
        senderName: "x",
      }),
    ).toEqual({ id: chat.id, externalId: "oc_9", kind: "direct", title: "t", locale: "en" });
    const expert = await prisma.expert.create({ data: { externalId: "E2", name: "王工" } });
    const person = await prisma.person.create({ data: { displayName: "王工", expertId: expert.id, locale: "en" } });
    await prisma.identity.create({
      data: { platform: "lark", externalId: "ou_1", displayName: "王", personId: person.id },
    });
    expect(await personIdForExpert(prisma, expert.id, "王工")).toBe(person.id);
    expect(await personLocale(prisma, person.id)).toBe("en");
    expect(await reachPerson(prisma, person.id, ["lark"])).toEqual({ platform: "lark", kind: "user", id: "ou_1" });
    const outbound = await prisma.outboundMessage.create({
      data: { key: "k1", platform: "lark", targetKind: "chat", targetId: "oc_9", payload: "{}", status: "sent" },
    });
    const stored = await storeOutbound(prisma, {
      key: "k1",
      target: { platform: "lark", kind: "chat", id: "other" },
      message: { kind: "text", text: "hi" },
    });
    expect(stored).toEqual({ id: outbound.id, platform: "lark", status: "sent" });
    await prisma.inboundMessage.create({
      data: { platform: "lark", messageId: "m1", chatId: "oc_9", senderId: "ou_1" },
    });
    expect(
      await recordInbound(prisma, { platform: "lark", messageId: "m1", chatId: "c", senderId: "s", receivedAt: at }),
    ).toBe(false);
  });
});

describe("rows written by the typed path, read by Prisma", () => {
  it("reads as Prisma's own: chats, people, identities, inbound and outbox rows", async () => {
    const prisma = await open();
    const chat = await resolveChat(prisma, {
      platform: "wechat",
      chatId: "r1@chatroom",
      chatKind: "group",
      chatTitle: "工厂群",
      senderName: "x",
    });
    const storedChat = await prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect(storedChat).toMatchObject({ served: true, isDemo: false, title: "工厂群", kind: "group" });
    expect(Math.abs(storedChat.createdAt.getTime() - Date.now())).toBeLessThan(60_000);

    const expert = await prisma.expert.create({ data: { externalId: "E3", name: "赵工" } });
    const personId = await personIdForExpert(prisma, expert.id, "赵工");
    expect(await prisma.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({
      role: "expert",
      expertId: expert.id,
      isDemo: false,
    });
    expect(await reachPerson(prisma, personId, ["terminal"])).toEqual({
      platform: "terminal",
      kind: "user",
      id: "赵工",
    });
    expect(await prisma.identity.findFirstOrThrow({ where: { personId } })).toMatchObject({ externalId: "赵工" });

    expect(
      await recordInbound(prisma, { platform: "lark", messageId: "m2", chatId: "c", senderId: "s", receivedAt: at }),
    ).toBe(true);
    await markInbound(prisma, { platform: "lark", messageId: "m2" }, "handled");
    expect(await prisma.inboundMessage.findFirstOrThrow({ where: { messageId: "m2" } })).toMatchObject({
      receivedAt: at,
      status: "handled",
    });

    const row = await storeOutbound(prisma, {
      key: "k2",
      target: { platform: "lark", kind: "user", id: "ou_2" },
      message: { kind: "text", text: "你好" },
      personId,
    });
    await markOutboundSent(prisma, row.id, 1);
    const outbound = await prisma.outboundMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(outbound).toMatchObject({ status: "sent", attempts: 1, error: null, personId, kind: "text" });
    expect(JSON.parse(outbound.payload)).toEqual({ kind: "text", text: "你好" });
    expect(outbound.sentAt).toBeInstanceOf(Date);
  });

  it("reads as Prisma's own: requests, matches, timeline rows and pending questions", async () => {
    const prisma = await open();
    const { expert, person, chat } = await expertAndRequest(prisma);
    const requestId = await directSql(prisma).write(async (tx) => {
      await tx.execute(
        builder.insertInto("HelpRequest").values({
          code: "R-0002",
          chatId: chat.id,
          requesterId: person.id,
          text: "焊接",
          status: "open",
          skills: "[]",
          cities: "[]",
          mode: "either",
          locale: "zh-CN",
          teamSize: 1,
          createdAt: sqlDate(at),
          updatedAt: sqlDate(at),
        }),
      );
      const request = await tx.first(builder.selectFrom("HelpRequest").select("id").where("code", "=", "R-0002"));
      if (!request) throw new Error("not stored");
      const matchId = newId();
      await tx.execute(
        builder.insertInto("Match").values({
          id: matchId,
          offers: 1,
          requestId: request.id,
          expertId: expert.id,
          rank: 1,
          score: 0.75,
          reasons: "[]",
          status: "offered",
          assignedBy: "system",
          offeredAt: sqlDate(at),
          createdAt: sqlDate(at),
          updatedAt: sqlDate(at),
        }),
      );
      await tx.execute(
        builder.insertInto("RequestEvent").values({
          id: newId(),
          requestId: request.id,
          actor: "system",
          type: "offered",
          detail: "{}",
          createdAt: sqlDate(at),
        }),
      );
      await tx.execute(
        builder.insertInto("PendingQuestion").values({
          id: newId(),
          chatId: chat.id,
          personId: person.id,
          topic: "request.city",
          requestId: request.id,
          createdAt: sqlDate(at),
          expiresAt: sqlDate(at),
        }),
      );
      return request.id;
    });
    const request = await prisma.helpRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { matches: true, events: true },
    });
    expect(request).toMatchObject({ createdAt: at, updatedAt: at, closedAt: null, code: "R-0002" });
    expect(request.matches[0]).toMatchObject({ score: 0.75, offeredAt: at, status: "offered", respondedAt: null });
    expect(request.events[0]).toMatchObject({ type: "offered", createdAt: at });
    expect(await prisma.pendingQuestion.findFirstOrThrow({ where: { requestId } })).toMatchObject({ expiresAt: at });
  });
});
