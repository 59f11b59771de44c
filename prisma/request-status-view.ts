// What a requester may know of their own requests: status, and the experts asked and their answers.
import type { Db } from "./client.ts";
import type { Prisma } from "./generated/client.ts";

export interface RequestStatusView {
  id: number;
  code: string;
  status: string;
  requesterId: string;
  /** Experts asked, newest first: name, answer so far, and the phone once they accepted. */
  offers: { expert: string; status: string; phone: string | null }[];
}

const select = {
  id: true,
  code: true,
  status: true,
  requesterId: true,
  matches: {
    where: { status: { in: ["offered", "accepted", "declined", "expired"] } },
    orderBy: { offeredAt: "desc" },
    select: { status: true, expert: { select: { name: true, phone: true } } },
  },
} satisfies Prisma.HelpRequestSelect;

type Row = { id: number; code: string; status: string; requesterId: string } & {
  matches: { status: string; expert: { name: string; phone: string | null } }[];
};

function view(row: Row): RequestStatusView {
  const { matches, ...request } = row;
  return {
    ...request,
    offers: matches.map((match) => ({
      expert: match.expert.name,
      status: match.status,
      phone: match.status === "accepted" ? match.expert.phone : null,
    })),
  };
}

/** The request with this code, or null. */
export async function statusByCode(db: Db, code: string): Promise<RequestStatusView | null> {
  const row = await db.helpRequest.findUnique({ where: { code }, select });
  return row && view(row);
}

/** The person's latest requests (in one chat when given), newest first. */
export async function latestStatuses(
  db: Db,
  requesterId: string,
  options: { chatId?: string; take: number },
): Promise<RequestStatusView[]> {
  const rows = await db.helpRequest.findMany({
    where: { requesterId, ...(options.chatId ? { chatId: options.chatId } : {}) },
    orderBy: { id: "desc" },
    take: options.take,
    select,
  });
  return rows.map(view);
}
