// What `craftbridge parse` prints (contract 5): the eight contract intents, with finer intents folded in and
// named in `detail`, so tools written against the contract keep working.

import type { Understanding } from "./types.ts";

/** The intents contract 5 lists; "status" is finer and prints as chatter with detail "status". */
export type ContractIntent = Exclude<Understanding["intent"], "status">;

export type ContractView = Omit<Understanding, "intent"> & {
  intent: ContractIntent;
  /** For chatter: greeting, thanks, status, trade, hiring, notice, venting, question or small_talk. */
  detail?: string;
};

export function contractView(u: Understanding): ContractView {
  if (u.intent === "status") return { ...u, intent: "chatter", detail: "status" };
  if (u.intent === "chatter") return { ...u, intent: "chatter", detail: u.chatter ?? "small_talk" };
  return { ...u, intent: u.intent };
}
