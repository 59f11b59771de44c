// Where an expert is against where a request wants help: points in grade units, and the place reasons.
import { areNeighbours, cityEn, regionEn, regionOf } from "../../core/understanding/places.ts";
import type { ParsedRequest } from "../../core/understanding/types.ts";
import type { IndexedExpert } from "./expert-index.ts";
import type { MatchReason } from "./types.ts";
import { WEIGHTS } from "./weights.ts";

export type PlaceMark = "remote" | "same_city" | "same_district" | "serves_city" | "neighbour_city" | "same_region";

/** The cities a request accepts when it names several ("广州或者佛山都可以"), else null. */
function acceptedCities(request: ParsedRequest): string[] | null {
  return request.cities && request.cities.length > 1 ? request.cities : null;
}

/**
 * Points for where the expert is against where the request wants help. The place reasons that apply go into
 * `marks` when it is given: only for the experts shown, since their parameters cost more than the points.
 * A request that accepts several cities is as near to the expert as the nearest of them.
 */
export function locate(
  expert: IndexedExpert,
  request: ParsedRequest,
  wantedRegion: string | null,
  marks?: PlaceMark[],
): number {
  const cities = acceptedCities(request);
  if (!cities) return locateIn(expert, request, wantedRegion, marks);
  let best = Number.NEGATIVE_INFINITY;
  let bestMarks: PlaceMark[] = [];
  for (const city of cities) {
    const cityMarks: PlaceMark[] = [];
    const district = city === request.city ? request.district : null;
    const points = locateIn(expert, { ...request, city, district }, regionOf(city), cityMarks);
    if (points > best) {
      best = points;
      bestMarks = cityMarks;
    }
  }
  marks?.push(...bestMarks);
  return best;
}

function locateIn(
  expert: IndexedExpert,
  request: ParsedRequest,
  wantedRegion: string | null,
  marks?: PlaceMark[],
): number {
  const wanted = request.city;
  const sameCity = wanted !== null && expert.city === wanted;
  if (request.mode === "remote" && expert.canRemote) {
    marks?.push(...(sameCity ? (["remote", "same_city"] as const) : (["remote"] as const)));
    return WEIGHTS.remote + (sameCity ? WEIGHTS.localForRemote : 0);
  }
  let points = 0;
  if (wanted && sameCity) {
    points = WEIGHTS.sameCity;
    marks?.push("same_city");
    const district = expert.district;
    if (district && request.district && district === request.district) {
      points += WEIGHTS.sameDistrict;
      marks?.push("same_district");
    }
  } else if (wanted && expert.reaches.includes(wanted)) {
    points = WEIGHTS.servesCity;
    marks?.push("serves_city");
  } else if (wanted) {
    const neighbour = areNeighbours(expert.city, wanted);
    if (expert.region !== null && expert.region === wantedRegion) {
      points = WEIGHTS.sameRegion + (neighbour ? WEIGHTS.neighbourInRegion : 0);
      marks?.push(neighbour ? "neighbour_city" : "same_region");
    } else if (neighbour) {
      points = WEIGHTS.neighbourOtherRegion;
      marks?.push("neighbour_city");
    }
  }
  if (request.mode === "either" && expert.canRemote && points < WEIGHTS.remoteWhenEither) {
    points = WEIGHTS.remoteWhenEither;
    marks?.push("remote");
  }
  return points;
}

export function placeReasons(
  marks: readonly PlaceMark[],
  expert: IndexedExpert,
  request: ParsedRequest,
): MatchReason[] {
  return marks.map((key): MatchReason => {
    switch (key) {
      case "remote":
        return { key, params: {} };
      case "same_district":
        return { key, params: { district: expert.district ?? "" } };
      case "same_city":
        return { key, params: { city: expert.city, cityEn: cityEn(expert.city) } };
      case "serves_city": {
        const wanted = acceptedCities(request) ?? (request.city ? [request.city] : []);
        const city = wanted.find((candidate) => expert.reaches.includes(candidate)) ?? request.city ?? expert.city;
        return { key, params: { city, cityEn: cityEn(city) } };
      }
      case "neighbour_city":
        return { key, params: { city: expert.city, cityEn: cityEn(expert.city) } };
      default: {
        const region = expert.region ?? "";
        return { key, params: { region, regionEn: regionEn(region) } };
      }
    }
  });
}
