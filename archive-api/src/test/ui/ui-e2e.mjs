// Drives the web UI in headless Chromium like a clerk: sign in, store a document, search for it
// without diacritics, open it, read its text; then like an archivist: sign in with the form,
// read the dashboard, open "Tiêu hủy", sign out. Fails on any page error, console error or dialog
// (a hostile subject must show as text, never run). Saves a screenshot of each step in <shots>.
// Usage: node ui-e2e.mjs <baseUrl> <token> <file> <username> <password> <shots>
import { chromium } from "playwright-core";
import { archivistFlow, adminFlow } from "./ui-e2e-signin.mjs";

const [base, token, file, username, password, shots] = process.argv.slice(2);
const shot = (page, name) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
const hostile = "Công văn lễ hội Lim <img src=x onerror=alert(2)>";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on("dialog", (d) => { problems.push("dialog: " + d.message()); d.dismiss(); });
  // The refused sign-in's 401 is expected (the browser logs every failed request).
  const expected = /Failed to load resource: the server responded with a status of 401/;
  page.on("console", (m) => {
    if (m.type() === "error" && !expected.test(m.text())) problems.push("console: " + m.text());
  });
  page.on("pageerror", (e) => problems.push("page: " + e));
  page.setDefaultTimeout(30000);

  await page.goto(base);
  await page.click(".token-signin summary");
  await page.fill("#token", token);
  await page.click("#token-form button[type=submit]");
  await page.waitForSelector("#app:not([hidden])");

  await page.click("#nav-upload");
  const f = "#upload-form ";
  await page.fill(f + "[name=agencyCode]", "BN");
  await page.fill(f + "[name=subject]", hostile);
  await page.fill(f + "[name=typeName]", "Công văn");
  await page.fill(f + "[name=number]", "45");
  await page.fill(f + "[name=notation]", "UBND-VX");
  await page.setInputFiles(f + "[name=file]", file);
  await page.click(f + "button[type=submit]");
  await page.waitForSelector("#upload-result p");

  await page.click("nav button[data-view=search]");
  await page.fill("#q", "le hoi lim");
  await page.click("#search-form button[type=submit]");
  await page.waitForSelector("#hits li");
  const title = await page.textContent("#hits li .hit-title");
  if (title !== hostile) problems.push("hit title shown as " + JSON.stringify(title));
  if ((await page.locator("#hits mark").count()) === 0) problems.push("no highlighted words");
  if ((await page.locator("#hits img").count()) !== 0) problems.push("markup from data rendered");

  await shot(page, "01-clerk-search");
  await page.click("#hits li .hit-title");
  await page.waitForSelector("#view-record:not([hidden]) h2");
  const status = await page.textContent("#view-record tr:has(th:text-is('Trạng thái')) td");
  if (status !== "Đang lưu") problems.push("status shown as " + JSON.stringify(status));
  const stored = await page.textContent("#view-record tr:has(th:text-is('Nộp lưu')) td");
  if (!/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} · admin$/.test(stored)) {
    problems.push("time shown as " + JSON.stringify(stored));
  }
  await page.click("text=Xem nội dung");
  const text = await page.textContent("pre.text");
  if (!text.includes("lễ hội Lim")) problems.push("text view shows " + JSON.stringify(text));
  await shot(page, "02-clerk-record");
  await page.click("#signout");
  await page.waitForSelector("#signin:not([hidden])");

  await archivistFlow(page, { username, password, shot, problems });
  await adminFlow(page, { token, username, shot, problems });
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("ui-e2e: ok");
