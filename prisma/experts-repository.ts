// Look-ups over the roster's experts that the hot path makes (typed plain SQL, prisma/sql/).
import { type Db, directSql } from "./client.ts";
import { builder, prepared } from "./sql/builder.ts";
import { sqlDate } from "./sql/values.ts";

/** Offer states that change what the ranker knows of an expert (a new candidate row does not). */
const answeredOrOffered = ["offered", "accepted", "declined", "expired", "withdrawn", "skipped"];

/**
 * Every change after `since` to an expert's roster entry, availability or offers, as the expert's id and
 * the stored time of the change (several rows per expert are possible).
 */
export function expertChangesSince(db: Db, since: Date): Promise<{ id: string; stamp: string }[]> {
  const after = sqlDate(since);
  return directSql(db).many(changesSince(after, after, after));
}

const changesSince = prepared((expertsAfter: string, availabilityAfter: string, offersAfter: string) =>
  builder
    .selectFrom("Expert")
    .select(["id", "updatedAt as stamp"])
    .where("updatedAt", ">", expertsAfter)
    .unionAll(
      builder
        .selectFrom("Availability")
        .select(["expertId as id", "createdAt as stamp"])
        .where("createdAt", ">", availabilityAfter),
    )
    .unionAll(
      builder
        .selectFrom("Match")
        .select(["expertId as id", "updatedAt as stamp"])
        .where("status", "in", answeredOrOffered)
        .where("updatedAt", ">", offersAfter),
    ),
);
