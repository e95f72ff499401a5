// Drives the web UI's import page in headless Chromium like an archivist: sign in, send a package,
// watch its progress to the end, read the counts, page through the failed items. Fails on any page
// error, console error or dialog (a hostile path or message must show as text, never run).
// Usage: node ui-import-e2e.mjs <baseUrl> <token> <package> <imported> <failed>
import { chromium } from "playwright-core";

const [base, token, pkg, imported, failed] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on("dialog", (d) => { problems.push("dialog: " + d.message()); d.dismiss(); });
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("pageerror", (e) => problems.push("page: " + e));
  page.setDefaultTimeout(120000);

  await page.goto(base);
  await page.click(".token-signin summary");
  await page.fill("#token", token);
  await page.click("#token-form button[type=submit]");
  await page.waitForSelector("#app:not([hidden])");

  await page.click("#nav-imports");
  await page.waitForSelector("#view-imports:not([hidden])");
  await page.setInputFiles("#import-form [name=package]", pkg);
  await page.selectOption("#import-form [name=accessLevel]", "PUBLIC");
  await page.click("#import-form button[type=submit]");

  // Progress is shown while the job runs, then its end.
  await page.waitForSelector("#import-progress");
  await page.waitForFunction(() => {
    const s = document.querySelector("#import-job .import-status");
    return s && /Hoàn tất|Thất bại|Đã hủy/.test(s.textContent);
  });
  const status = await page.textContent("#import-job .import-status");
  if (!status.includes("Hoàn tất")) problems.push("job ended as " + JSON.stringify(status));
  const counts = await page.textContent("#import-counts");
  if (!counts.includes(`Đã nhập ${imported}`) || !counts.includes(`Lỗi ${failed}`)) {
    problems.push("counts shown as " + JSON.stringify(counts));
  }
  const progress = await page.getAttribute("#import-progress", "value");
  const max = await page.getAttribute("#import-progress", "max");
  if (progress !== max) problems.push(`progress ${progress} of ${max} at the end`);

  // Failed items, a page at a time.
  await page.waitForSelector("#import-failed-rows tr");
  const firstPage = await page.locator("#import-failed-rows tr").count();
  if (firstPage !== Math.min(20, Number(failed))) problems.push(`first page has ${firstPage} rows`);
  if (Number(failed) > 20) {
    await page.click("#import-failed-more");
    await page.waitForFunction((n) =>
      document.querySelectorAll("#import-failed-rows tr").length === n, Number(failed));
    if (!(await page.locator("#import-failed-more").isHidden())) problems.push("more button stays");
  }
  const firstRow = await page.textContent("#import-failed-rows tr");
  if (!firstRow.includes("UNKNOWN_AGENCY")) problems.push("failed row shows " + JSON.stringify(firstRow));
  if ((await page.locator("#import-failed img").count()) !== 0) problems.push("markup from data rendered");

  // The job is listed among the recent imports.
  await page.waitForSelector("#import-list li button");
  const listed = await page.textContent("#import-list li");
  if (!listed.includes("lo-nhap.zip")) problems.push("recent imports show " + JSON.stringify(listed));
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("ui-import-e2e: ok");
