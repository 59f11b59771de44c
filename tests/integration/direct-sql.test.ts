// The plain-SQL connection beside Prisma (prisma/direct-sql.ts): rows it writes read back through Prisma
// exactly like Prisma's own, writes that arrive together commit together yet fail alone, and it never
// deadlocks against a Prisma transaction of the same process.
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, type Db, directSql } from "../../prisma/client.ts";
import { newId, type SqlWriter, sqlDate } from "../../prisma/direct-sql.ts";
import { builder } from "../../prisma/sql/builder.ts";
import { freshDatabase } from "../roster/test-db.ts";
import { onPostgres } from "../support/test-database.ts";

let db: Db | undefined;

afterEach(async () => {
  if (db) await closeDatabase(db);
  db = undefined;
});

function insertChat(externalId: unknown) {
  return (tx: SqlWriter) =>
    tx.execute(
      builder.insertInto("Chat").values({
        id: newId(),
        platform: "lark",
        externalId: externalId as string,
        kind: "group",
        title: "t",
        served: 1,
        isDemo: 0,
        createdAt: sqlDate(new Date("2026-11-23T08:00:00Z")),
      }),
    );
}

describe("plain SQL beside Prisma", () => {
  it("writes rows Prisma reads as its own, dates and booleans included", async () => {
    db = await freshDatabase();
    await directSql(db).write(insertChat("oc_1"));
    const chat = await db.chat.findUniqueOrThrow({
      where: { platform_externalId: { platform: "lark", externalId: "oc_1" } },
    });
    expect(chat.createdAt.toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(chat.served).toBe(true);
    expect(chat.isDemo).toBe(false);
  });

  it("commits writes that arrive together, and a failing one takes only its own rows back", async () => {
    db = await freshDatabase();
    const sql = directSql(db);
    await sql.write(insertChat("oc_a"));
    // More writes than run at once, so that later ones share a transaction with the failing one.
    const names = Array.from({ length: 12 }, (_, i) => `oc_${String(i).padStart(2, "0")}`);
    const failing = 7;
    const results = await Promise.allSettled(
      names.map((name, i) =>
        i === failing
          ? sql.write(async (tx) => {
              await insertChat("oc_half")(tx);
              await insertChat("oc_a")(tx); // duplicate key: this whole unit fails, oc_half with it
            })
          : sql.write(insertChat(name)),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(
      names.map((_, i) => (i === failing ? "rejected" : "fulfilled")),
    );
    const chats = await db.chat.findMany({ orderBy: { externalId: "asc" } });
    expect(chats.map((chat) => chat.externalId)).toEqual([...names.filter((_, i) => i !== failing), "oc_a"]);
  });

  it("takes back every row of a write that fails on its own, and goes on writing", async () => {
    db = await freshDatabase();
    const sql = directSql(db);
    await expect(
      sql.write(async (tx) => {
        await insertChat("oc_half")(tx);
        throw new Error("half-way");
      }),
    ).rejects.toThrow("half-way");
    await sql.write(insertChat("oc_whole"));
    const chats = await db.chat.findMany();
    expect(chats.map((chat) => chat.externalId)).toEqual(["oc_whole"]);
  });

  it("turns values of the wrong type into text instead of aborting the process", async () => {
    db = await freshDatabase();
    await directSql(db).write(insertChat(true));
    await directSql(db).write(insertChat({ id: 1 }));
    expect(await db.chat.count()).toBe(2);
  });

  it("waits for a Prisma transaction of the same process instead of deadlocking on the file lock", async () => {
    db = await freshDatabase();
    const prisma = db;
    let write: Promise<unknown> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.chat.create({ data: { platform: "lark", externalId: "oc_prisma", kind: "group" } });
      // Issued while the transaction holds SQLite's write lock and has more to do.
      write = directSql(prisma).write(insertChat("oc_plain"));
      // Let the event loop turn: the plain-SQL write comes due while the transaction is still open.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.chat.update({ where: { id: (await tx.chat.findFirstOrThrow()).id }, data: { title: "still here" } });
    });
    await write;
    expect(await prisma.chat.count()).toBe(2);
  });

  it.skipIf(!onPostgres)(
    "runs a write again when it meets a deadlock (PostgreSQL only: SQLite lets one writer in at a time)",
    async () => {
      db = await freshDatabase();
      const sql = directSql(db);
      await sql.write(insertChat("oc_1"));
      await sql.write(insertChat("oc_2"));
      // Two writes rename the same two chats in opposite order; on their first attempt each holds its first
      // row until the other holds its own, so PostgreSQL must end one of them as a deadlock.
      let holding = 0;
      let bothHold!: () => void;
      const held = new Promise<void>((resolve) => {
        bothHold = resolve;
      });
      const rename = (first: string, second: string, attempts: { count: number }) =>
        sql.write(async (tx) => {
          attempts.count++;
          await tx.execute(builder.updateTable("Chat").set({ title: first }).where("externalId", "=", first));
          if (attempts.count === 1) {
            if (++holding === 2) bothHold();
            await held;
          }
          await tx.execute(builder.updateTable("Chat").set({ title: first }).where("externalId", "=", second));
        });
      const one = { count: 0 };
      const two = { count: 0 };
      await Promise.all([rename("oc_1", "oc_2", one), rename("oc_2", "oc_1", two)]);
      expect(one.count + two.count).toBe(3);
      expect(await db.chat.count()).toBe(2);
    },
  );

  it("makes ids that sort by creation time, like Prisma's cuid()", () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
    expect(ids[0]).toMatch(/^c[0-9a-z]{24}$/);
  });
});
