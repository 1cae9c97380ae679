// Drives the demo page in Debian's headless Chromium: a click must change the ranking, explain must show parts.
// Usage: node click-test.mjs <page url> <screenshot.png> [text the status line must show after carla's click]
import { chromium } from "playwright-core";

const [url, screenshot, clicked = "carla clicked"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const fail = async (message) => { console.error(message); await browser.close(); process.exit(1); };
try {
  const page = await browser.newPage();
  await page.goto(url);
  const version = () => page.$eval("#results", (el) => Number(el.dataset.version));
  const rendered = async (after) => page.waitForFunction((v) => Number(document.getElementById("results").dataset.version) > v, after);
  // the page's own first search must have rendered before we count renders, and carla must start from nothing
  await rendered(0);
  await page.evaluate(() => fetch("/os/_plugins/_interest/users/carla", { method: "DELETE" }));
  const ranking = () => page.$$eval("#results li", (lis) => lis.map((li) => ({
    id: li.dataset.id, category: li.dataset.category, title: li.querySelector(".title").textContent })));

  let v = await version();
  await page.selectOption("#user", "carla");
  await rendered(v);
  const before = await ranking();
  if (before.length < 10) await fail(`expected 10 results, got ${before.length}`);

  const panelBefore = await page.textContent("#profile");
  // click the last result: its category should climb
  const target = before[before.length - 1];
  const rankOf = (list) => {
    const ranks = list.map((r, i) => (r.category === target.category ? i : null)).filter((i) => i !== null);
    return ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : list.length;
  };
  v = await version();
  await page.click("#results li:last-child .title");
  await rendered(v);
  const after = await ranking();
  if (JSON.stringify(after.map((r) => r.id)) === JSON.stringify(before.map((r) => r.id))) await fail("the ranking did not change after the click");
  if (!(rankOf(after) < rankOf(before))) await fail(`[${target.category}] did not climb: ${rankOf(before)} -> ${rankOf(after)}`);
  // the profile panel shows the new interest, and the ranking before the click stays beside the new one
  const panelAfter = await page.textContent("#profile");
  if (panelAfter === panelBefore) await fail(`the profile panel did not change: ${panelAfter}`);
  if ((await page.$$eval("#profile .interest", (l) => l.length)) < 1) await fail(`no interest in the profile panel: ${panelAfter}`);
  if (!panelAfter.includes(target.title)) await fail(`the clicked item is not in the profile's evidence: ${panelAfter}`);
  if ((await page.$$eval("#before li", (l) => l.length)) !== before.length) await fail("the ranking before the click is not shown");
  const status = await page.textContent("#status");
  if (!status.includes(clicked)) await fail(`no status after the click: ${status}`);

  v = await version();
  await page.check("#explain");
  await rendered(v);
  const explanation = await page.textContent("#results li:first-child .explain");
  if (!explanation || !explanation.includes("interest_weight")) await fail(`no explanation shown: ${explanation}`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  // the toggles re-rank: diversity on must still answer ten results
  v = await version();
  await page.check("#diversity");
  await rendered(v);
  if ((await ranking()).length !== 10) await fail("diversity toggle broke the results");
  console.log(`ok: [${target.category}] mean rank ${rankOf(before).toFixed(1)} -> ${rankOf(after).toFixed(1)}; explain: ${explanation}`);
} finally {
  await browser.close();
}
