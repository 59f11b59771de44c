// Chinese labels need a CJK font, and a fresh machine may have none: Noto Sans SC comes from an npm
// package (@expo-google-fonts/noto-sans-sc, TTF files, OFL), so `npm install` is all it takes.
import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

/** The family the charts ask for first; system CJK fonts follow in case the package is missing. */
export const cjkFamily = "Noto Sans SC";
export const chartFontFamily = `"${cjkFamily}", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "DejaVu Sans", sans-serif`;

const files = ["400Regular/NotoSansSC_400Regular.ttf", "700Bold/NotoSansSC_700Bold.ttf"];

let registered: boolean | undefined;

/** Registers Noto Sans SC once per process; false when its files cannot be found. */
export function registerCjkFont(): boolean {
  if (registered !== undefined) return registered;
  const require = createRequire(import.meta.url);
  registered = false;
  for (const file of files) {
    try {
      const path = require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`);
      if (GlobalFonts.registerFromPath(path, cjkFamily)) registered = true;
    } catch {
      // A missing weight only costs bold titles; a missing package is reported by the return value.
    }
  }
  return registered;
}
