// A file sent in the chat. Union staff and admins import the roster (人才数据库) by sending its CSV or
// XLSX file: the bot says it got it at once and a job imports it and reports back. Team leaders,
// experts and enterprises are told politely in a private chat; in a group, where people share files
// with each other all the time, only staff's roster files get an answer.
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { enqueueRosterImport } from "../../jobs/roster-import.ts";
import { createRosterUpload, uploadOfMessage } from "../../prisma/roster-uploads.ts";
import type { HandlerContext } from "../context.ts";
import { refusalKey } from "../staff/roles.ts";

const rosterExtensions = new Set([".csv", ".xlsx"]);

/** Whether a file name is one the roster reader takes. */
export function isRosterFileName(name: string): boolean {
  return rosterExtensions.has(path.extname(name).toLowerCase());
}

export async function handleFileMessage(ctx: HandlerContext): Promise<void> {
  const { message, speaker, chat, t, services } = ctx;
  const file = message.file;
  if (!file) return;
  const inGroup = chat.kind === "group";
  const roster = isRosterFileName(file.name);
  if (speaker.role !== "staff" && speaker.role !== "admin") {
    if (inGroup) return;
    if (!roster) return ctx.reply(t("roster.upload.text_only"));
    // A team leader looks after one team; a roster may rewrite experts of every team.
    if (speaker.role === "team_leader") return ctx.reply(t("roster.upload.team_leader"));
    return ctx.reply(t(refusalKey("staff"), { command: t("roster.upload.what") }));
  }
  if (!roster) {
    if (!inGroup) await ctx.reply(t("roster.upload.wrong_type", { file: file.name }));
    return;
  }
  if (file.problem === "too_large") {
    return ctx.reply(t("roster.upload.too_large", { file: file.name, max: services.config.UPLOAD_MAX_MB }));
  }
  if (file.problem || !file.path) return ctx.reply(t("roster.upload.unavailable", { file: file.name }));

  const { db } = services;
  // The same platform message handled again finds its upload and imports nothing twice.
  if (await uploadOfMessage(db, message.platform, message.messageId)) return;
  // Out of the dispatcher's way (it removes the message's file once handled), until the job is done with it.
  const kept = path.join(services.config.uploads.dir, "roster", path.basename(file.path));
  await mkdir(path.dirname(kept), { recursive: true });
  await rename(file.path, kept);
  const upload = await createRosterUpload(db, {
    platform: message.platform,
    messageId: message.messageId,
    chatId: chat.id,
    personId: speaker.personId,
    fileName: file.name,
    path: kept,
    locale: ctx.locale,
  });
  await ctx.reply(t("roster.upload.received"));
  await enqueueRosterImport(services.enqueue, upload.id);
}
