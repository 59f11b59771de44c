// Guangdong's cities, districts and towns (knowledge/cities.json): where a request or an expert is,
// and how far apart two cities are in the terms the programme uses (same city, neighbour, region).
import { readFileSync } from "node:fs";
import { z } from "zod";
import { foldText, TermMatcher } from "./term-matcher.ts";

const citySchema = z.object({
  name: z.string().min(1),
  en: z.array(z.string()),
  region: z.string().min(1),
  neighbours: z.array(z.string()),
  districts: z.array(z.string()),
  strictNames: z.array(z.string()),
  towns: z.array(z.string()),
  enDistricts: z.array(z.string()),
});
const fileSchema = z.object({
  cities: z.array(citySchema),
  /** English district spellings (Bao'an) to the Chinese name a district is stored under (宝安). */
  enDistrictNames: z.record(z.string(), z.string()).optional(),
  regions: z.array(z.object({ zh: z.string(), en: z.string() })),
});

export type CityEntry = z.infer<typeof citySchema>;

export interface Place {
  /** Canonical city name without 市, e.g. "东莞". */
  city: string | null;
  /** District, county or town as written, without its suffix, e.g. "长安". */
  district: string | null;
}

interface PlaceTerm {
  city: string;
  /** null: the city itself. */
  district: string | null;
  /** An ordinary word too (高明, 开平, 新会): a place only where a place is expected. */
  strict?: boolean;
}

// Where a bare strict name is a place: after 在/位于/地址 or its own city (佛山南海, 江门新会), or before 这边/的厂.
const BEFORE_PLACE = /(?:在|于|位于|地址|地点|地区|来自|我们是|我哋喺|喺|系|坐标|base|住|去|到|是)[:：\s]*$/;
const AFTER_PLACE = /^(?:区|县|市|镇|这|那|一带|片区|附近|的|做|开|搞|生产|有|办|工厂|厂|[,，。;；、!?！？\s]|$)/;

interface Gazetteer {
  cities: Map<string, CityEntry>;
  regions: Map<string, string>;
  neighbours: Map<string, Set<string>>;
  matcher: TermMatcher<PlaceTerm | null>;
}

// Suffixes that make an ordinary word (高明, 古镇) a place name.
const SUFFIXES = ["区", "县", "市", "镇", "街道"];
// Longer words that contain a place name but are not places; they win as longest matches.
const NOT_PLACES = [
  "龙门吊",
  "龙门架",
  "龙门铣",
  "龙门加工中心",
  "龙门式",
  "中山装",
  "长安汽车",
  "福田汽车",
  "海珠区块",
];

let cached: Gazetteer | undefined;

function build(): Gazetteer {
  const file = fileSchema.parse(JSON.parse(readFileSync(new URL("./knowledge/cities.json", import.meta.url), "utf8")));
  const cities = new Map<string, CityEntry>();
  const regions = new Map<string, string>();
  const neighbours = new Map<string, Set<string>>();
  const matcher = new TermMatcher<PlaceTerm | null>();
  for (const city of file.cities) {
    cities.set(city.name, city);
    regions.set(city.name, city.region);
    for (const name of [city.name, `${city.name}市`, ...city.en])
      matcher.add(name, { city: city.name, district: null });
    for (const district of [...city.districts, ...city.towns]) {
      matcher.add(district, { city: city.name, district });
      for (const suffix of SUFFIXES) matcher.add(district + suffix, { city: city.name, district });
    }
    for (const district of city.strictNames) {
      for (const suffix of SUFFIXES) matcher.add(district + suffix, { city: city.name, district });
      matcher.add(district, { city: city.name, district, strict: true });
    }
    for (const district of city.enDistricts) {
      matcher.add(district, { city: city.name, district: file.enDistrictNames?.[district] ?? district });
    }
  }
  // Neighbourhood is symmetric even if the file lists it on one side only.
  for (const city of file.cities) {
    for (const other of city.neighbours) {
      if (!cities.has(other)) throw new Error(`cities.json: ${city.name} neighbours unknown ${other}`);
      for (const [a, b] of [
        [city.name, other],
        [other, city.name],
      ] as const) {
        const set = neighbours.get(a) ?? new Set<string>();
        set.add(b);
        neighbours.set(a, set);
      }
    }
  }
  for (const word of NOT_PLACES) matcher.add(word, null);
  return { cities, regions, neighbours, matcher };
}

function gazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

/** A place named in a text, with where it stands in the folded text. */
export interface PlaceHit {
  city: string;
  district: string | null;
  start: number;
  end: number;
}

function placeHits(text: string): PlaceTerm[] {
  return placeHitsIn(foldText(text));
}

/** Every place named in an already folded text (foldText), in order. */
export function placeHitsIn(folded: string): PlaceHit[] {
  const out: PlaceHit[] = [];
  for (const hit of gazetteer().matcher.findLongest(folded)) {
    const term = hit.payloads[0];
    if (!term) continue;
    if (term.strict) {
      const before = folded.slice(Math.max(0, hit.start - 6), hit.start);
      const after = folded.slice(hit.end, hit.end + 4);
      const cityBefore = before.endsWith(term.city) || before.endsWith(`${term.city}市`);
      if (!cityBefore && !(BEFORE_PLACE.test(before) && AFTER_PLACE.test(after))) continue;
    }
    out.push({ city: term.city, district: term.district, start: hit.start, end: hit.end });
  }
  return out;
}

/**
 * The city (and district) a message is about. The first city named wins; a district or town
 * alone (松山湖, 顺德) gives its city. Unknown parts are null, never guessed.
 */
export function extractPlace(text: string): Place {
  const hits = placeHits(text);
  const city = hits.find((h) => h.district === null)?.city ?? hits[0]?.city ?? null;
  if (!city) return { city: null, district: null };
  const district = hits.find((h) => h.city === city && h.district !== null)?.district ?? null;
  return { city, district };
}

/**
 * The text with every place name blanked out (folded): a request's 东莞 says where, which place-fit reads,
 * not what the expert must know, and must not match employers such as 东莞市某公司.
 */
export function withoutPlaces(text: string): string {
  const folded = foldText(text);
  let out = "";
  let at = 0;
  for (const hit of gazetteer().matcher.findLongest(folded)) {
    // A strict name (a district that is also a common word) is left: it may be the words of the problem.
    if (!hit.payloads[0] || hit.payloads[0].strict || hit.start < at) continue;
    out += `${folded.slice(at, hit.start)} `;
    at = hit.end;
  }
  return out + folded.slice(at);
}

/** The district or town as the gazetteer spells it (长安镇 -> 长安), or the text itself when unknown. */
export function canonicalDistrict(city: string, district: string): string {
  const found = extractPlace(`${city}${district}`);
  return found.city === city && found.district ? found.district : district.trim();
}

/** Every distinct city named in a text, in order ("可去广州、佛山" -> 广州, 佛山). */
export function extractCities(text: string): string[] {
  return [...new Set(placeHits(text).map((h) => h.city))];
}

/** The canonical name of a city written as 东莞市, Dongguan or 东莞; null if not in Guangdong. */
export function canonicalCity(name: string): string | null {
  const trimmed = name.trim();
  if (gazetteer().cities.has(trimmed)) return trimmed;
  const exact = gazetteer().matcher.exact(trimmed)[0];
  return exact ? exact.city : null;
}

/** 珠三角, 粤东, 粤西 or 粤北; null for a city outside Guangdong. */
export function regionOf(city: string): string | null {
  return gazetteer().regions.get(city) ?? null;
}

export function areNeighbours(a: string, b: string): boolean {
  return gazetteer().neighbours.get(a)?.has(b) ?? false;
}

export function allCities(): string[] {
  return [...gazetteer().cities.keys()];
}

export function cityEntry(city: string): CityEntry | undefined {
  return gazetteer().cities.get(city);
}

/** Chinese place names, for the segmenter's custom dictionary. */
export function placeTerms(): string[] {
  const out: string[] = [];
  for (const city of gazetteer().cities.values()) {
    out.push(city.name, ...city.districts, ...city.towns);
  }
  return out;
}

/** The English name of a region (珠三角 -> Pearl River Delta), or the region itself if unknown. */
export function regionEn(region: string): string {
  return regionNames().get(region) ?? region;
}

/** The English name of a city (东莞 -> Dongguan), or the name itself if unknown. */
export function cityEn(city: string): string {
  return gazetteer().cities.get(city)?.en[0] ?? city;
}

let regionNameMap: Map<string, string> | undefined;

function regionNames(): Map<string, string> {
  if (!regionNameMap) {
    const file = fileSchema.parse(
      JSON.parse(readFileSync(new URL("./knowledge/cities.json", import.meta.url), "utf8")),
    );
    regionNameMap = new Map(file.regions.map((r) => [r.zh, r.en]));
  }
  return regionNameMap;
}
