// Score weights of the ranking, in "grade" units: a grade is what separates an expert with the skill
// elsewhere (1) from one in the same region (2) and one in the same city or serving remotely (3).
// Tie-breakers together stay well below one grade, so they order equals and never overturn fit.

export const WEIGHTS = {
  /** Credit for an expert's skill that is related to the requested one (exact = 1). */
  relatedSkill: 0.4,
  /** Credit for an expert who is only in the requested skill's service team. */
  teamOnly: 0.15,
  /** Extra grade for covering every requested skill of a multi-skill request. */
  allSkills: 1,
  /** The profile's words beyond the fit: orders experts who hold the same skill by how much of the request they share. */
  wordsOrder: 0.5,

  sameCity: 2,
  sameDistrict: 0.1,
  /** The expert lists the requested city among the cities they reach. */
  servesCity: 1.5,
  sameRegion: 1,
  neighbourInRegion: 0.2,
  neighbourOtherRegion: 0.5,
  /** A remote request and a remote-capable expert: distance does not matter. */
  remote: 2,
  /** Small preference for a local expert when remote help is asked for anyway. */
  localForRemote: 0.05,
  /** The request did not say on site or remote: a remote-capable expert far away still helps a bit. */
  remoteWhenEither: 0.6,
  /** An on-site request and an expert who only serves remotely. */
  remoteOnlyForOnsite: -0.4,
  /** An on-site request on days the expert said they are away (出差, 请假): more than any place or skill
   * difference, so they are offered last, and only when nobody else fits. */
  awayForOnsite: -4,

  availableInWindow: 0.15,
  availableSoon: 0.05,
  perOpenOffer: -0.06,
  perOfferThisMonth: -0.02,
  loadFloor: -0.3,
  perSolved: 0.05,
  solvedCap: 0.15,
  perRatingPoint: 0.05,
  perDecline: -0.02,
  declineFloor: -0.1,
  honourCap: 0.08,
} as const;

/**
 * Fit (0-1) below which nobody is offered: the request names a skill the expert holds, or the expert's own
 * words share about one uncommon term with it. A related skill alone (0.4) or a skill only inferred from a
 * piece of equipment the request mentions stays below.
 */
export const RELEVANCE_FLOOR = 0.5;

/** Days ahead that count as "soon" when the request names no window. */
export const SOON_DAYS = 14;
