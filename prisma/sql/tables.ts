// Kysely's view of the database, derived from the client `prisma generate` writes from schema.prisma:
// a renamed or retyped field changes these types at the next generate, and every statement that uses
// it stops compiling. Each column has the type the plain libSQL connection reads and writes: a
// DateTime is Prisma's ISO text (prisma/sql/values.ts), a Boolean is 0 or 1.
//
// prisma-kysely was the first choice, but its releases for Prisma 6 pin another @prisma/internals (a
// second copy of Prisma's engines) and its 3.x line needs Prisma 7; its types also describe what a
// Kysely driver returns (Date, boolean), not what this connection returns. The schema has no @map or
// @@map, so the model and field names are the table and column names.
import type { ColumnType } from "kysely";
import type { Prisma } from "../generated/client.ts";

/** A field's type as it is stored in SQLite. */
type Stored<T> = T extends Date ? string : T extends boolean ? number : T;

/**
 * Primary keys SQLite numbers itself (`@default(autoincrement())`): optional in an insert. Every other
 * default of the schema (cuid(), now(), @updatedAt) is filled in by Prisma's client, not by SQLite, so a
 * typed insert writes those columns itself (newId(), sqlDate()). tests/integration/sql-tables.test.ts
 * checks this list against schema.prisma.
 */
export const numberedBySqlite = { HelpRequest: "id" } as const;

type Numbered = typeof numberedBySqlite;

type Table<Name extends string, Model> = {
  [K in keyof Model]-?: Name extends keyof Numbered
    ? K extends Numbered[Name]
      ? ColumnType<Stored<Model[K]>, Stored<Model[K]> | undefined, never>
      : Stored<Model[K]>
    : Stored<Model[K]>;
};

/** Every table of schema.prisma, as Kysely sees it. */
export interface Database {
  ServiceTeam: Table<"ServiceTeam", Prisma.ServiceTeamModel>;
  Expert: Table<"Expert", Prisma.ExpertModel>;
  Person: Table<"Person", Prisma.PersonModel>;
  Identity: Table<"Identity", Prisma.IdentityModel>;
  Chat: Table<"Chat", Prisma.ChatModel>;
  Enterprise: Table<"Enterprise", Prisma.EnterpriseModel>;
  HelpRequest: Table<"HelpRequest", Prisma.HelpRequestModel>;
  Availability: Table<"Availability", Prisma.AvailabilityModel>;
  Match: Table<"Match", Prisma.MatchModel>;
  RequestEvent: Table<"RequestEvent", Prisma.RequestEventModel>;
  InboundMessage: Table<"InboundMessage", Prisma.InboundMessageModel>;
  OutboundMessage: Table<"OutboundMessage", Prisma.OutboundMessageModel>;
  DigestRun: Table<"DigestRun", Prisma.DigestRunModel>;
  PendingQuestion: Table<"PendingQuestion", Prisma.PendingQuestionModel>;
  BindingCode: Table<"BindingCode", Prisma.BindingCodeModel>;
  RosterUpload: Table<"RosterUpload", Prisma.RosterUploadModel>;
}
