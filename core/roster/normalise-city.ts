// Rosters write cities as 东莞, 东莞市, 广东省东莞市 or Dongguan; the database keeps one spelling ("东莞").
import cities from "./guangdong-cities.json" with { type: "json" };

export const guangdongCities: readonly string[] = cities.map((city) => city.zh);

const byEnglish = new Map<string, string>();
for (const city of cities) for (const spelling of city.en) byEnglish.set(spelling, city.zh);

export interface CityPlace {
  city: string;
  /** Whatever followed the city name in the cell ("松山湖", "南城区"), if anything. */
  district: string | null;
  /** False when the cell names no Guangdong prefecture-level city (kept as written). */
  known: boolean;
}

export function normaliseCity(cell: string): CityPlace {
  const text = cell.trim();
  if (text === "") return { city: "", district: null, known: true };
  const english = text
    .toLowerCase()
    .replace(/[\s,]+(guangdong|city|shi)\b.*$/g, "")
    .replace(/\s+/g, "");
  const fromEnglish = byEnglish.get(english.replace(/(city|shi)$/, ""));
  if (fromEnglish) return { city: fromEnglish, district: null, known: true };

  const chinese = text.replace(/^广东省?/, "").replace(/\s+/g, "");
  for (const city of guangdongCities) {
    if (!chinese.startsWith(city)) continue;
    const rest = chinese.slice(city.length).replace(/^市/, "");
    return { city, district: rest === "" ? null : rest, known: true };
  }
  return { city: chinese.replace(/市$/, ""), district: null, known: false };
}
