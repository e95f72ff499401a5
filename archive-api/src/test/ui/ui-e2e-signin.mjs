// An archivist signs in with the form (fields "Tên đăng nhập", "Mật khẩu", button "Đăng nhập"),
// reads the dashboard ("Thống kê"), opens "Tiêu hủy" and signs out; problems are collected.

const TIME = /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/;

export async function archivistFlow(page, { username, password, shot, problems }) {
  await page.getByLabel("Tên đăng nhập", { exact: true }).fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill("a wrong password");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForSelector("#error:not([hidden])");
  const refused = await page.textContent("#error");
  if (!refused.includes("Tên đăng nhập hoặc mật khẩu không đúng")) {
    problems.push("wrong password shown as " + JSON.stringify(refused));
  }
  await shot(page, "03-signin-refused");

  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForSelector("#view-dashboard:not([hidden]) #stat-records");
  const nav = await page.locator("nav button:visible").allTextContents();
  for (const area of ["Thống kê", "Tìm kiếm", "Tiêu hủy"]) {
    if (!nav.includes(area)) problems.push(`navigation ${JSON.stringify(nav)} lacks ${area}`);
  }
  if (nav.includes("Người dùng")) problems.push("an archivist sees the administrators' area");

  const stats = await page.evaluate(async () => {
    const token = sessionStorage.getItem("tangthu.token");
    const res = await fetch("/api/v1/stats", { headers: { Authorization: "Bearer " + token } });
    return res.json();
  });
  const vnd = new Intl.NumberFormat("vi-VN").format(stats.printing.savedVnd) + " ₫";
  const saved = await page.textContent("#stat-saved");
  if (stats.printing.savedVnd <= 0 || saved !== vnd) {
    problems.push(`saved shown as ${JSON.stringify(saved)}, expected ${JSON.stringify(vnd)}`);
  }
  const pages = await page.textContent("#stat-pages");
  if (pages !== new Intl.NumberFormat("vi-VN").format(stats.pages)) {
    problems.push("pages shown as " + JSON.stringify(pages));
  }
  if ((await page.locator("#chart-months canvas").count()) === 0) problems.push("no chart");
  await shot(page, "04-dashboard");

  await page.getByRole("button", { name: "Tiêu hủy", exact: true }).click();
  await page.waitForSelector("#view-sweeps:not([hidden]) h2");
  const planned = await page.locator("#view-sweeps td").allTextContents();
  if (planned.length && !planned.some((t) => TIME.test(t.split(" · ")[0]))) {
    problems.push("sweep times shown as " + JSON.stringify(planned));
  }
  await shot(page, "05-sweeps");

  await page.click("#signout");
  await page.waitForSelector("#signin:not([hidden])");
  const after = await page.evaluate(async () => sessionStorage.getItem("tangthu.token"));
  if (after !== null) problems.push("the token stayed in the browser after signing out");
  for (const field of ["#token", "#password"]) {
    if (await page.inputValue(field)) problems.push(field + " kept its value after signing out");
  }
  await shot(page, "06-signed-out");
}

// An administrator (with the bootstrap token) sees the users and the audit trail, where the
// archivist's sign-in is; statuses and roles are in Vietnamese words.
export async function adminFlow(page, { token, username, shot, problems }) {
  if (!(await page.locator(".token-signin").evaluate((d) => d.open))) {
    await page.click(".token-signin summary");
  }
  await page.fill("#token", token);
  await page.click("#token-form button[type=submit]");
  await page.waitForSelector("#view-dashboard:not([hidden]) #stat-records");
  const nav = await page.locator("nav button:visible").allTextContents();
  for (const area of ["Thống kê", "Tiêu hủy", "Nhật ký kiểm tra", "Người dùng"]) {
    if (!nav.includes(area)) problems.push(`admin navigation ${JSON.stringify(nav)} lacks ${area}`);
  }
  await page.getByRole("button", { name: "Người dùng", exact: true }).click();
  const row = page.locator(`#view-users tr:has(td:text-is("${username}"))`);
  await row.waitFor();
  const cells = await row.locator("td").allTextContents();
  if (!cells.includes("Lưu trữ viên, Tra cứu") || !cells.includes("Đang hoạt động")) {
    problems.push("user row shown as " + JSON.stringify(cells));
  }
  await shot(page, "07-users");
  await page.getByRole("button", { name: "Nhật ký kiểm tra", exact: true }).click();
  const signIn = page.locator('#view-audit tr:has(td:text-is("Đăng nhập"))').first();
  await signIn.waitFor();
  const when = await signIn.locator("td").first().textContent();
  if (!TIME.test(when)) problems.push("audit time shown as " + JSON.stringify(when));
  const entry = await signIn.locator("td").allTextContents();
  if (!entry.includes(username) || !entry.includes("Thành công")) {
    problems.push("audit row shown as " + JSON.stringify(entry));
  }
  await shot(page, "08-audit");
}
