// The work lists of archivists ("Tiêu hủy"), auditors ("Nhật ký kiểm tra") and administrators
// ("Người dùng"): plain tables over the API, every value put in as text.
import { vi, explain, dateTime, date } from "./vi.js";

function table(el, caption, headings, rows) {
  return el("table", { class: "list" }, el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows));
}

function word(el, code) {
  return el("span", { class: "badge " + code, title: explain(code) }, vi(code));
}

/** Sweeps of the caller's agencies, newest first. */
export async function showSweeps({ api, el }, box) {
  const page = await (await api("retention/sweeps?size=50")).json();
  const rows = page.items.map((s) => el("tr", {},
    el("td", {}, s.agencyCode), el("td", {}, date(s.asOf)), el("td", {}, word(el, s.status)),
    el("td", { class: "num" }, String(s.counts?.items ?? "")),
    el("td", {}, `${dateTime(s.plannedAt)} · ${s.plannedBy || ""}`),
    el("td", {}, s.approvedAt ? `${dateTime(s.approvedAt)} · ${s.approvedBy}` : "")));
  box.replaceChildren(el("h2", {}, "Tiêu hủy"),
    rows.length ? table(el, "Các đợt tiêu hủy tài liệu hết thời hạn bảo quản",
      ["Cơ quan", "Tính đến ngày", "Trạng thái", "Số văn bản", "Lập", "Phê duyệt"], rows)
      : el("p", {}, "Chưa có đợt tiêu hủy nào."));
}

/** The latest entries of the audit trail the caller may read. */
export async function showAudit({ api, el }, box) {
  const page = await (await api("audit?size=50")).json();
  const rows = page.items.map((e) => el("tr", {},
    el("td", {}, dateTime(e.occurredAt)), el("td", {}, e.actor),
    el("td", { title: [e.action, explain(e.action)].filter(Boolean).join(": ") }, vi(e.action)),
    el("td", {}, [e.targetType, e.targetId].filter(Boolean).join(" ")),
    el("td", {}, vi(e.outcome)), el("td", {}, e.clientAddress || "")));
  box.replaceChildren(el("h2", {}, "Nhật ký kiểm tra"),
    table(el, "Các sự kiện gần nhất", ["Thời gian", "Người thực hiện", "Hành động", "Đối tượng",
      "Kết quả", "Địa chỉ"], rows));
}

/** Users, with a button to disable or enable each (which PATCHes them). */
export async function showUsers(ctx, box) {
  const { api, el, showError } = ctx;
  const page = await (await api("users?size=100")).json();
  const toggle = async (u) => {
    try {
      await api(`users/${encodeURIComponent(u.username)}`, {
        method: "PATCH", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ disabled: !u.disabled }),
      });
      await showUsers(ctx, box);
    } catch (e) { showError(e); }
  };
  const rows = page.items.map((u) => el("tr", {},
    el("td", {}, u.username), el("td", {}, u.displayName), el("td", {}, u.agencyCode || ""),
    el("td", {}, u.roles.map(vi).join(", ")),
    el("td", {}, u.disabled ? "Đã khóa" : "Đang hoạt động"),
    el("td", {}, u.passwordSet ? "Có" : "Chưa"),
    el("td", {}, u.username === "admin" ? "" : el("button", { type: "button",
      "aria-label": `${u.disabled ? "Mở khóa" : "Khóa"} ${u.username}`,
      onclick: () => toggle(u) }, u.disabled ? "Mở khóa" : "Khóa"))));
  box.replaceChildren(el("h2", {}, "Người dùng"),
    table(el, "Tài khoản người dùng", ["Tên đăng nhập", "Họ tên", "Cơ quan", "Vai trò",
      "Trạng thái", "Mật khẩu", ""], rows));
}
