// The role a platform sender holds, read without creating anyone: adapters ask it before they spend
// bandwidth on a file only staff may send.
import type { Config } from "../core/config.ts";
import type { Db } from "./client.ts";
import { directSql } from "./client.ts";
import { configuredRole, type Role } from "./people.ts";
import { builder, prepared } from "./sql/builder.ts";

const roleByIdentity = prepared((platform: string, externalId: string) =>
  builder
    .selectFrom("Identity")
    .innerJoin("Person", "Person.id", "Identity.personId")
    .select("Person.role")
    .where("Identity.platform", "=", platform)
    .where("Identity.externalId", "=", externalId),
);

/** The sender's role: the configured one (ADMINS, STAFF) or the stored one; null for someone never seen. */
export async function senderRole(db: Db, config: Config, platform: string, senderId: string): Promise<Role | null> {
  const configured = configuredRole(config, { platform: platform as never, senderId, senderName: "" });
  if (configured) return configured;
  const row = await directSql(db).first(roleByIdentity(platform, senderId));
  return (row?.role as Role | undefined) ?? null;
}
