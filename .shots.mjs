import { chromium } from "playwright-core";
const [link, lang] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
const ctx = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(link);
await page.locator("button").first().click();
await page.waitForLoadState();
const base = "http://127.0.0.1:18417";
const shots = [["/", "console-board", false], ["/requests/R-0003", "console-request", true], ["/experts/D003", "console-profile", true], ["/programme", "console-programme", true], ["/staff", "console-staff", false]];
for (const [p, name, full] of shots) {
  const r = await page.goto(base + p);
  console.log(p, r.status());
  await page.screenshot({ path: `/tmp/cx/${name}.png`, fullPage: full });
}
await browser.close();
