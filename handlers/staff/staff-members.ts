// `/staff` (admins): who runs the programme. `/staff add 小李 [staff|team_leader 精密制造|admin]`,
// `/staff remove 小李`, and `/staff` alone for the list. A person is named by platform id, by name, or as
// the roster expert they are (D001), since team leaders are often experts themselves.
import type { Platform } from "../../core/config.ts";
import { teamLabel } from "../../core/request-format.ts";
import { resolveTeam } from "../../core/roster/resolve-team.ts";
import { sendToPerson } from "../../jobs/services.ts";
import type { Person } from "../../prisma/generated/client.ts";
import { configuredRole, personIdForExpert, type Role } from "../../prisma/people.ts";
import {
  countWithRole,
  identitiesOf,
  peopleInRoles,
  peopleNamed,
  personWithId,
  setRole,
} from "../../prisma/staff-members-repository.ts";
import type { HandlerContext } from "../context.ts";
import { findExpert } from "../profile/find-expert.ts";
import { teamNames } from "./request-list.ts";

const staffRoles = ["admin", "staff", "team_leader"] as const;
type StaffRole = (typeof staffRoles)[number];

const roleWords: Record<string, StaffRole> = {
  admin: "admin",
  管理员: "admin",
  staff: "staff",
  工作人员: "staff",
  team_leader: "team_leader",
  leader: "team_leader",
  队长: "team_leader",
  服务队队长: "team_leader",
};
const addWords = new Set(["add", "添加", "增加"]);
const removeWords = new Set(["remove", "删除", "移除"]);

type PersonLookup = { kind: "one"; person: Person } | { kind: "several"; people: Person[] } | { kind: "none" };

/** The person a staff member means: a platform id (or platform:id), a name, or a roster expert. */
export async function findPerson(ctx: HandlerContext, who: string): Promise<PersonLookup> {
  const { db } = ctx.services;
  const people = new Map<string, Person>();
  for (const person of await peopleNamed(db, who)) people.set(person.id, person);
  if (people.size === 0) {
    const expert = await findExpert(db, who);
    if (expert.kind === "one") {
      const id = await personIdForExpert(db, expert.expert.id, expert.expert.name);
      people.set(id, await personWithId(db, id));
    }
  }
  const found = [...people.values()];
  const [only] = found;
  if (!only) return { kind: "none" };
  return found.length === 1 ? { kind: "one", person: only } : { kind: "several", people: found };
}

function roleName(ctx: HandlerContext, role: Role, teamKey: string | null): string {
  return ctx.t(`roles.names.${role}`, { team: teamLabel(teamKey, ctx.locale) ?? "—" });
}

export async function manageStaff(ctx: HandlerContext, args: string[]): Promise<void> {
  const [verb = "", ...rest] = args;
  if (addWords.has(verb.toLowerCase())) return addStaff(ctx, rest);
  if (removeWords.has(verb.toLowerCase())) return removeStaff(ctx, rest);
  if (verb === "" || verb === "list") return listStaff(ctx);
  return ctx.reply(ctx.t("roles.usage"));
}

async function listStaff(ctx: HandlerContext): Promise<void> {
  const people = await peopleInRoles(ctx.services.db, staffRoles);
  if (people.length === 0) return ctx.reply(ctx.t("roles.nobody"));
  const lines = people.map((person) =>
    ctx.t("roles.member_line", {
      name: person.displayName,
      role: roleName(ctx, person.role as Role, person.staffTeamKey),
    }),
  );
  await ctx.reply([ctx.t("roles.list_header", { count: people.length }), ...lines].join("\n"));
}

/** The person named before the role word, the role, and the team after team_leader. */
function parseAdd(args: string[]): { who: string; role: StaffRole; team: string } {
  const at = args.findIndex((arg) => roleWords[arg.toLowerCase()] !== undefined);
  if (at < 0) return { who: args.join(" ").trim(), role: "staff", team: "" };
  return {
    who: args.slice(0, at).join(" ").trim(),
    role: roleWords[args[at]?.toLowerCase() ?? ""] ?? "staff",
    team: args
      .slice(at + 1)
      .join(" ")
      .trim(),
  };
}

async function onePerson(ctx: HandlerContext, who: string): Promise<Person | null> {
  if (!who) {
    await ctx.reply(ctx.t("roles.usage"));
    return null;
  }
  const found = await findPerson(ctx, who);
  if (found.kind === "one") return found.person;
  if (found.kind === "none") {
    await ctx.reply(ctx.t("roles.person_not_found", { who }));
    return null;
  }
  const ids = await identitiesOf(
    ctx.services.db,
    found.people.map((person) => person.id),
  );
  const names = ids.map((identity) => `${identity.platform}:${identity.externalId}`).join(ctx.t("list.separator"));
  await ctx.reply(ctx.t("roles.several_people", { who, ids: names }));
  return null;
}

async function addStaff(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services, locale } = ctx;
  const { who, role, team: teamText } = parseAdd(args);
  const team = role === "team_leader" ? resolveTeam(teamText) : null;
  if (role === "team_leader" && !team) {
    return ctx.reply(t("roles.team_needed", { team: teamText || "—", examples: teamNames(locale) }));
  }
  const person = await onePerson(ctx, who);
  if (!person) return;
  await setRole(services.db, person.id, role, team);
  await ctx.reply(t("roles.added", { name: person.displayName, role: roleName(ctx, role, team) }));
  if (person.id !== ctx.speaker.personId) {
    await sendToPerson(services, {
      personId: person.id,
      key: `role-${person.id}-${ctx.message.messageId}`,
      preferred: ctx.message.platform,
      compose: (tt) => ({
        kind: "text",
        text: tt("roles.you_are_now", { role: tt(`roles.names.${role}`, { team: teamLabel(team, locale) ?? "—" }) }),
      }),
    });
  }
}

/** Whether ADMINS or STAFF name one of the person's accounts: configuration would promote them again. */
async function setInConfiguration(ctx: HandlerContext, personId: string): Promise<boolean> {
  const identities = await identitiesOf(ctx.services.db, [personId]);
  return identities.some(
    (identity) =>
      configuredRole(ctx.services.config, {
        platform: identity.platform as Platform,
        senderId: identity.externalId,
        senderName: identity.displayName,
      }) !== null,
  );
}

async function removeStaff(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services } = ctx;
  const { db } = services;
  const person = await onePerson(ctx, args.join(" ").trim());
  if (!person) return;
  if (!(staffRoles as readonly string[]).includes(person.role)) {
    return ctx.reply(t("roles.not_a_member", { name: person.displayName }));
  }
  if (await setInConfiguration(ctx, person.id)) return ctx.reply(t("roles.configured", { name: person.displayName }));
  if (person.role === "admin" && (await countWithRole(db, "admin")) <= 1) {
    return ctx.reply(t("roles.last_admin"));
  }
  await setRole(db, person.id, person.expertId ? "expert" : "enterprise", null);
  await ctx.reply(t("roles.removed", { name: person.displayName }));
}
