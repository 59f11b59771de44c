// A fixed week of the programme for digest tests, ending with the digest of Monday 2025-06-02 08:30
// (Asia/Shanghai): new requests in five teams and six cities, offers accepted, declined and left to
// run out, six requests waiting over 48 h (one of each reason), outcomes with ratings, an expert who
// lets offers lapse and one who paused. Every time is written out, so the digest reads the same on any day.
import type { Db } from "../../prisma/client.ts";

export const fixtureDay = "2025-06-02";

/** A local time in Asia/Shanghai, "MM-DD HH:MM" of 2025. */
const at = (time: string) => new Date(`2025-${time.replace(" ", "T")}:00+08:00`);

const experts = [
  { externalId: "E001", name: "李建国", teamKey: "precision_manufacturing", city: "东莞" },
  { externalId: "E002", name: "王芳", teamKey: "precision_manufacturing", city: "佛山" },
  { externalId: "E003", name: "赵强", teamKey: "low_altitude", city: "深圳" },
  // Paused on the digest's day.
  { externalId: "E004", name: "陈静", teamKey: "robotics", city: "广州", paused: true, updatedAt: at("06-01 18:00") },
  { externalId: "E005", name: "周敏", teamKey: "chips", city: "珠海" },
];

interface Offer {
  expert: string;
  status: "offered" | "accepted" | "declined" | "expired";
  offeredAt: string;
  respondedAt?: string;
  outcome?: "solved" | "unsolved";
  rating?: number;
  /** When the enterprise answered the follow-up. */
  feedbackAt?: string;
}

interface Request {
  code: string;
  teamKey: string | null;
  city: string | null;
  createdAt: string;
  status: string;
  waitReason?: string;
  closedAt?: string;
  offers?: Offer[];
}

// In creation order: the digest lists ties in the order they first happened.
const requests: Request[] = [
  {
    code: "R-0001",
    teamKey: "precision_manufacturing",
    city: "东莞",
    createdAt: "05-27 09:00",
    status: "introduced",
    offers: [
      {
        expert: "E001",
        status: "accepted",
        offeredAt: "05-27 09:30",
        respondedAt: "05-27 11:00",
        outcome: "solved",
        rating: 5,
        feedbackAt: "06-01 14:00",
      },
    ],
  },
  {
    code: "R-0002",
    teamKey: "robotics",
    city: "广州",
    createdAt: "05-27 14:00",
    status: "unmatched",
    waitReason: "all_declined",
    offers: [
      { expert: "E004", status: "declined", offeredAt: "05-27 14:10", respondedAt: "05-27 15:00" },
      { expert: "E001", status: "declined", offeredAt: "05-27 15:05", respondedAt: "05-28 10:00" },
    ],
  },
  { code: "R-0003", teamKey: "chips", city: "珠海", createdAt: "05-28 09:00", status: "draft" },
  {
    code: "R-0004",
    teamKey: "precision_manufacturing",
    city: "惠州",
    createdAt: "05-28 10:00",
    status: "closed",
    closedAt: "05-29 09:00",
  },
  {
    code: "R-0005",
    teamKey: "chips",
    city: "珠海",
    createdAt: "05-28 10:30",
    status: "introduced",
    offers: [
      {
        expert: "E005",
        status: "accepted",
        offeredAt: "05-28 11:00",
        respondedAt: "05-28 12:00",
        outcome: "unsolved",
        rating: 3,
        feedbackAt: "06-01 15:00",
      },
    ],
  },
  {
    code: "R-0006",
    teamKey: "precision_manufacturing",
    city: "东莞",
    createdAt: "05-29 08:00",
    status: "unmatched",
    waitReason: "no_candidate",
  },
  {
    code: "R-0007",
    teamKey: "robotics",
    city: "广州",
    createdAt: "05-29 10:00",
    status: "introduced",
    offers: [
      {
        expert: "E004",
        status: "accepted",
        offeredAt: "05-29 10:30",
        respondedAt: "05-29 12:00",
        outcome: "solved",
        feedbackAt: "06-02 08:00",
      },
    ],
  },
  {
    code: "R-0008",
    teamKey: "low_altitude",
    city: "深圳",
    createdAt: "05-30 10:00",
    status: "offered",
    waitReason: "offer_unanswered",
    offers: [
      { expert: "E003", status: "expired", offeredAt: "05-30 11:00", respondedAt: "05-31 11:00" },
      { expert: "E005", status: "offered", offeredAt: "05-31 11:05" },
    ],
  },
  { code: "R-0009", teamKey: "precision_manufacturing", city: "佛山", createdAt: "05-30 20:00", status: "matching" },
  { code: "R-0010", teamKey: "biomedicine", city: "江门", createdAt: "05-31 07:00", status: "open" },
  {
    code: "R-0011",
    teamKey: "low_altitude",
    city: "深圳",
    createdAt: "05-31 09:00",
    status: "offered",
    offers: [
      { expert: "E003", status: "expired", offeredAt: "05-31 10:00", respondedAt: "06-01 10:00" },
      { expert: "E002", status: "offered", offeredAt: "06-01 10:05" },
    ],
  },
  // The digest's day: 06-01 08:30 to 06-02 08:30.
  {
    code: "R-0012",
    teamKey: "precision_manufacturing",
    city: "东莞",
    createdAt: "06-01 09:00",
    status: "introduced",
    offers: [{ expert: "E001", status: "accepted", offeredAt: "06-01 09:10", respondedAt: "06-01 10:00" }],
  },
  {
    code: "R-0013",
    teamKey: "precision_manufacturing",
    city: "佛山",
    createdAt: "06-01 11:00",
    status: "offered",
    offers: [
      { expert: "E001", status: "declined", offeredAt: "06-01 11:10", respondedAt: "06-01 12:00" },
      { expert: "E002", status: "offered", offeredAt: "06-01 12:05" },
    ],
  },
  { code: "R-0014", teamKey: "precision_manufacturing", city: "东莞", createdAt: "06-01 15:00", status: "open" },
  {
    code: "R-0015",
    teamKey: "low_altitude",
    city: "深圳",
    createdAt: "06-01 16:00",
    status: "offered",
    offers: [{ expert: "E003", status: "offered", offeredAt: "06-01 16:10" }],
  },
  { code: "R-0016", teamKey: "precision_manufacturing", city: "广州", createdAt: "06-01 18:00", status: "open" },
  { code: "R-0017", teamKey: "precision_manufacturing", city: "中山", createdAt: "06-01 19:00", status: "open" },
  { code: "R-0018", teamKey: null, city: null, createdAt: "06-01 20:00", status: "draft" },
  { code: "R-0019", teamKey: "robotics", city: "广州", createdAt: "06-02 07:00", status: "open" },
  // After the digest's time: in no figure of 06-02.
  { code: "R-0020", teamKey: "precision_manufacturing", city: "东莞", createdAt: "06-02 09:00", status: "open" },
];

/**
 * Writes the fixed week into `db` (service teams must exist), with the staff who read it: 工会小陈
 * (staff, Chinese), Anna (staff, English) and 精密制造队-老林 (leader of the precision manufacturing team).
 */
export async function seedDigestWeek(db: Db): Promise<void> {
  const expertIds = new Map<string, string>();
  for (const { paused, updatedAt, ...expert } of experts) {
    const row = await db.expert.create({ data: { ...expert, skills: "[]", canRemote: true } });
    expertIds.set(expert.externalId, row.id);
    // updatedAt is set by Prisma on every write unless given: the pause has a time of its own.
    if (paused) await db.expert.update({ where: { id: row.id }, data: { paused: true, updatedAt } });
  }
  const chat = await db.chat.create({
    data: { platform: "terminal", externalId: "东莞制造企业群", kind: "group", title: "东莞制造企业群" },
  });
  const requester = await db.person.create({ data: { displayName: "东莞精工科技-王经理", role: "enterprise" } });
  for (const request of requests) {
    const { offers = [], createdAt, closedAt, ...fields } = request;
    const row = await db.helpRequest.create({
      data: {
        ...fields,
        chatId: chat.id,
        requesterId: requester.id,
        text: `${request.code} 的问题`,
        createdAt: at(createdAt),
        closedAt: closedAt ? at(closedAt) : null,
      },
    });
    for (const [rank, offer] of offers.entries()) {
      const respondedAt = offer.respondedAt ? at(offer.respondedAt) : null;
      await db.match.create({
        data: {
          requestId: row.id,
          expertId: expertIds.get(offer.expert) ?? "",
          rank: rank + 1,
          score: 1 - rank / 10,
          status: offer.status,
          offeredAt: at(offer.offeredAt),
          respondedAt,
          introducedAt: offer.status === "accepted" ? respondedAt : null,
          outcome: offer.outcome ?? null,
          rating: offer.rating ?? null,
        },
      });
      if (offer.feedbackAt) {
        await db.requestEvent.create({
          data: { requestId: row.id, actor: requester.id, type: "feedback", createdAt: at(offer.feedbackAt) },
        });
      }
    }
  }
  const staff = [
    { displayName: "工会小陈", role: "staff" },
    { displayName: "Anna", role: "staff", locale: "en" },
    { displayName: "精密制造队-老林", role: "team_leader", staffTeamKey: "precision_manufacturing" },
  ];
  for (const person of staff) {
    await db.person.create({
      data: {
        ...person,
        identities: {
          create: { platform: "terminal", externalId: person.displayName, displayName: person.displayName },
        },
      },
    });
  }
}
