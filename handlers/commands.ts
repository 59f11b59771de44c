// Slash commands and 帮助/help. One table says who may use each command; each registers with the
// composer, the role is checked before it runs, and /help lists only the commands the speaker may use
// (help.commands.<name>). A name no command has is answered by the router.

import { keyIn } from "../core/i18n.ts";
import { teamLabel } from "../core/request-format.ts";
import { UserFacingError } from "../core/user-facing-error.ts";
import { isDigestChat } from "../jobs/digest/digest-chat.ts";
import { isStaff } from "../prisma/people.ts";
import { findRequestByCode } from "../prisma/requests.ts";
import { createBinding } from "./account-binding.ts";
import { type Composer, slashCommand } from "./composer.ts";
import { sendConsoleLink } from "./console-link.ts";
import type { HandlerContext } from "./context.ts";
import { sendDigestNow } from "./digest-command.ts";
import { findExpert } from "./profile/find-expert.ts";
import { showOwnProfile } from "./profile/profile-message.ts";
import { showExpert } from "./profile/show-expert.ts";
import { findRequestCode } from "./request-codes.ts";
import { findExperts } from "./staff/find-experts.ts";
import { listRequests, showRequest } from "./staff/request-list.ts";
import { type Audience, inScope, mayUse, refusalKey } from "./staff/roles.ts";
import { manageStaff } from "./staff/staff-members.ts";
import { showStats } from "./staff/stats.ts";
import { showTeams } from "./staff/teams-overview.ts";
import { assignExpert, closeRequest, rematchRequest } from "./staff-override.ts";

type Run = (ctx: HandlerContext, args: string[]) => Promise<void>;

interface CommandSpec {
  name: string;
  audience: Audience;
  run: Run;
  /** Other names it answers to. */
  aliases?: readonly string[];
  /** Decides itself what a group sees (the digest goes privately, or to the staff chat). */
  ownsGroupReplies?: boolean;
}

/** A team leader acts only on requests of its own service team. */
const onTeamRequest =
  (run: Run): Run =>
  async (ctx, args) => {
    const code = findRequestCode(args.join(" "));
    const request = code ? await findRequestByCode(ctx.services.db, code) : null;
    if (request && !inScope(ctx.speaker, request.teamKey)) {
      return ctx.reply(ctx.t("roles.not_your_team", { code: request.code }));
    }
    return run(ctx, args);
  };

/** A team leader links accounts only for experts of its own service team. */
const onTeamExpert =
  (run: Run): Run =>
  async (ctx, args) => {
    const found = await findExpert(ctx.services.db, args.join(" "));
    if (found.kind === "one" && !inScope(ctx.speaker, found.expert.teamKey)) {
      return ctx.reply(ctx.t("roles.not_your_expert", { expert: found.expert.name }));
    }
    return run(ctx, args);
  };

const ownProfile: Run = (ctx) => (ctx.speaker.expertId ? showOwnProfile(ctx, ctx.speaker.expertId) : Promise.resolve());

/** In the order /help lists them. */
const commands: readonly CommandSpec[] = [
  { name: "help", audience: "everyone", run: (ctx) => sendHelp(ctx), aliases: ["start", "帮助"] },
  { name: "profile", audience: "expert", run: ownProfile, aliases: ["me", "我的资料"] },
  { name: "requests", audience: "staff", run: listRequests },
  { name: "request", audience: "staff", run: showRequest },
  { name: "expert", audience: "staff", run: onTeamExpert(showExpert) },
  { name: "find", audience: "staff", run: findExperts },
  { name: "assign", audience: "staff", run: onTeamRequest(assignExpert) },
  { name: "rematch", audience: "staff", run: onTeamRequest(rematchRequest) },
  { name: "close", audience: "staff", run: onTeamRequest(closeRequest) },
  { name: "bind", audience: "staff", run: onTeamExpert(createBinding) },
  { name: "stats", audience: "staff", run: (ctx) => showStats(ctx) },
  { name: "teams", audience: "staff", run: (ctx) => showTeams(ctx) },
  { name: "digest", audience: "staff", run: sendDigestNow, ownsGroupReplies: true },
  // A login link goes only to a private chat; in a group it says so itself.
  { name: "console", audience: "staff", run: (ctx) => sendConsoleLink(ctx), ownsGroupReplies: true },
  { name: "staff", audience: "admin", run: manageStaff },
];

/** Every command of the table, by its name and aliases; a speaker whose role may not use it is refused. */
export function register(router: Composer): void {
  for (const command of commands) {
    router.command([command.name, ...(command.aliases ?? [])], async (ctx, args) => {
      const name = `/${slashCommand(ctx)?.name}`;
      if (!mayUse(ctx.speaker, command.audience)) {
        throw new UserFacingError(refusalKey(command.audience), { command: name });
      }
      if (!command.ownsGroupReplies && answersPrivately(ctx, command.audience)) {
        // Requests, profiles and figures name people and carry phone numbers: never shown to a whole group.
        await ctx.reply(ctx.t("privacy.answered_privately", { command: name }));
        return command.run({ ...ctx, reply: ctx.replyPrivately }, args);
      }
      return command.run(ctx, args);
    });
  }
}

/** A command other than help typed in a group (but the staff chat of DIGEST_CHAT) is answered privately. */
function answersPrivately(ctx: HandlerContext, audience: Audience): boolean {
  const { chat, message, services } = ctx;
  if (chat.kind !== "group" || audience === "everyone") return false;
  return !isDigestChat(services.config, message.platform, chat.externalId);
}

/**
 * Help for what the speaker may do: enterprises how to ask, experts their time, offers and profile,
 * staff the commands their role allows (a team leader's limited to its team, admins' with /staff).
 */
export async function sendHelp(ctx: HandlerContext): Promise<void> {
  const { t, speaker, services, locale } = ctx;
  const bot = services.config.BOT_NAME;
  const staff = isStaff(speaker.role);
  const parts = [t("help.intro", { bot })];
  if (!staff && !speaker.expertId) parts.push(t("help.enterprise", { bot }));
  if (speaker.expertId) parts.push(t("help.expert", { bot }), t("help.profile", { bot }));
  if (staff) {
    parts.push(t("help.staff", { bot }));
    if (speaker.role === "team_leader") {
      parts.push(t("help.team_leader", { team: teamLabel(speaker.staffTeamKey, locale) ?? "—" }));
    }
    for (const command of commands) {
      if (command.audience !== "everyone" && command.audience !== "expert" && mayUse(speaker, command.audience)) {
        parts.push(t(keyIn("help.commands", command.name)));
      }
    }
    if (speaker.role !== "team_leader") parts.push(t("help.roster_upload"));
  }
  await ctx.reply(parts.join("\n"));
}
