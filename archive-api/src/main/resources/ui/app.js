// Tàng Thư web UI: a thin client of /api/v1. Every piece of server data is put into the page as
// text nodes; the only markup taken from the server is <mark> in search highlights, rebuilt here.

import { vi, explain, dateTime, date } from "./vi.js";
import { showAreas } from "./nav.js";
import { openSession, closeSession } from "./session.js";
import { showDashboard } from "./dashboard.js";
import { showSweeps, showAudit, showUsers } from "./areas.js";

const API = "/api/v1/";
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem("tangthu.token");
let lastSearch = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || "HTTP " + status);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const headers = Object.assign({ "Accept-Language": "vi" }, options.headers || {});
  if (token) headers["Authorization"] = "Bearer " + token;
  const res = await fetch(API + path, Object.assign({}, options, { headers }));
  if (res.status === 401) {
    signOut();
    throw new ApiError(401, { title: "Phiên đăng nhập không hợp lệ hoặc đã hết hạn." });
  }
  if (!res.ok) {
    let problem = {};
    try { problem = await res.json(); } catch (e) { problem = { title: "HTTP " + res.status }; }
    throw new ApiError(res.status, problem);
  }
  return res;
}

function showError(e) {
  const box = $("error");
  if (!e) { box.hidden = true; return; }
  box.textContent = e.problem && e.problem.code ? `${e.message} (${e.problem.code})` : e.message;
  box.hidden = false;
}

async function signIn(candidate) {
  token = candidate;
  try {
    const me = await (await api("me")).json();
    sessionStorage.setItem("tangthu.token", token);
    $("who").textContent = `${me.displayName} · ${me.agencyCode || "toàn tỉnh"} · ${me.roles.map(vi).join(", ")}`;
    $("who").hidden = false;
    $("signout").hidden = false;
    $("signin").hidden = true;
    $("app").hidden = false;
    showAreas(me.roles);
    if (me.agencyCode) $("upload-form").elements.agencyCode.value = me.agencyCode;
    showError(null);
    show("dashboard");
  } catch (e) {
    token = null;
    sessionStorage.removeItem("tangthu.token");
    showError(e);
  }
}

// end: true when the user signs out (the session is ended on the server too).
function signOut(end) {
  if (end === true && token) closeSession(token);
  token = null;
  $("token").value = "";
  $("password").value = "";
  sessionStorage.removeItem("tangthu.token");
  $("who").hidden = true;
  $("signout").hidden = true;
  $("app").hidden = true;
  $("signin").hidden = false;
}

// The areas whose content is loaded each time they are shown (see dashboard.js, areas.js).
const LOADED = { dashboard: showDashboard, sweeps: showSweeps, audit: showAudit, users: showUsers };

function show(view) {
  for (const v of document.querySelectorAll("[id^=view-]")) v.hidden = v.id !== "view-" + view;
  if (LOADED[view]) LOADED[view]({ api, el, showError }, $("view-" + view)).catch(showError);
  for (const b of document.querySelectorAll("nav button")) {
    b.classList.toggle("active", b.dataset.view === view);
  }
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name[0] !== "#") return ENTITIES[name] ?? whole;
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Highlights arrive HTML-escaped with <mark>…</mark>; decode the text between marks and rebuild.
function highlight(snippet) {
  const out = document.createDocumentFragment();
  let marked = false;
  for (const part of snippet.split(/(<\/?mark>)/)) {
    if (part === "<mark>") { marked = true; continue; }
    if (part === "</mark>") { marked = false; continue; }
    const text = decodeEntities(part);
    out.append(marked ? el("mark", {}, text) : document.createTextNode(text));
  }
  return out;
}

function searchParams(form, cursor) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
  if (cursor) p.set("cursor", cursor);
  p.set("size", "20");
  return p;
}

async function search(cursor) {
  const params = searchParams($("search-form"), cursor);
  try {
    const result = await (await api("search?" + params)).json();
    showError(null);
    if (!cursor) {
      $("hits").replaceChildren();
      $("total").textContent = `${result.total} văn bản`;
      renderFacets(result.facets || {});
    }
    for (const h of result.hits) $("hits").append(renderHit(h));
    lastSearch = result.nextCursor;
    $("more").hidden = !result.nextCursor;
  } catch (e) { showError(e); }
}

function renderHit(h) {
  const number = h.number ? `${h.number}${h.notation ? "/" + h.notation : ""}` : h.notation || "";
  const meta = [h.typeName, number, h.issuer, date(h.issuedDate), h.agencyCode].filter(Boolean).join(" · ");
  const li = el("li", {},
    el("button", { class: "hit-title", type: "button", onclick: () => openRecord(h.id) }, h.subject),
    el("div", { class: "hit-meta" }, meta));
  for (const s of h.highlights || []) li.append(el("p", { class: "snippet" }, highlight(s)));
  return li;
}

const FACET_NAMES = { agencyCode: "Cơ quan", typeName: "Loại văn bản", year: "Năm" };

function renderFacets(facets) {
  const aside = $("facets");
  aside.replaceChildren();
  for (const [field, counts] of Object.entries(facets)) {
    const entries = Object.entries(counts);
    if (entries.length === 0) continue;
    const ul = el("ul");
    for (const [value, count] of entries) {
      ul.append(el("li", {}, el("button", { type: "button", onclick: () => applyFacet(field, value) },
        vi(value), " ", el("span", { class: "count" }, `(${count})`))));
    }
    aside.append(el("h3", {}, FACET_NAMES[field] || field), ul);
  }
}

function applyFacet(field, value) {
  const f = $("search-form").elements;
  if (field === "year") {
    f.issuedFrom.value = `${value}-01-01`;
    f.issuedTo.value = `${value}-12-31`;
  } else if (f[field]) {
    f[field].value = value;
  }
  search();
}

async function openRecord(id) {
  try {
    const r = await (await api("records/" + encodeURIComponent(id))).json();
    showError(null);
    renderRecord(r);
    show("record");
  } catch (e) { showError(e); }
}

function row(label, value) {
  return value === null || value === undefined || value === "" ? null
    : el("tr", {}, el("th", {}, label), el("td", {}, value));
}

function badge(value) {
  return el("span", { class: "badge " + value, title: explain(value) }, vi(value));
}

function renderRecord(r) {
  const view = $("view-record");
  const sig = r.signature || { status: "NOT_SIGNED", signatures: [] };
  const ret = r.retention || {};
  const table = el("table", { class: "meta" },
    row("Trích yếu", r.subject), row("Tên loại", r.typeName),
    row("Số, ký hiệu", [r.number, r.notation].filter(Boolean).join("/")),
    row("Ngày ban hành", date(r.issuedDate)), row("Cơ quan ban hành", r.issuer),
    row("Cơ quan lưu", r.agencyCode), row("Mã hồ sơ", r.fileCode), row("Mã định danh", r.docCode),
    row("Mức độ truy cập", vi(r.accessLevel)), row("Trạng thái", badge(r.status)),
    row("Tệp", `${r.fileName || ""} (${r.contentType}, ${r.size} byte${r.pageCount ? ", " + r.pageCount + " trang" : ""})`),
    row("SHA-256", el("code", {}, r.sha256)),
    row("Trích xuất nội dung", el("span", {}, badge(r.extraction.status), " ", r.extraction.reason || "")),
    row("Chữ ký số", badge(sig.status)),
    row("Thời hạn bảo quản", ret.period ? `${ret.period} · ${ret.action || ""}${ret.eligibleOn ? " · đến hạn " + ret.eligibleOn : ""}` : null),
    row("Nộp lưu", `${dateTime(r.createdAt)} · ${r.createdBy}`));
  const signatures = el("ul");
  for (const s of sig.signatures || []) {
    signatures.append(el("li", {}, `${s.signer || "?"} (${s.kind}) · `, badge(s.integrity), " ",
      badge(s.trust), " · ", s.messageVi || s.message || ""));
  }
  const textBox = el("div");
  view.replaceChildren(
    el("button", { type: "button", onclick: () => show("search") }, "← Kết quả tìm kiếm"),
    el("h2", {}, r.subject), table, signatures,
    el("div", { class: "actions" },
      r.status === "ACTIVE" ? el("button", { type: "button", onclick: () => download(r) }, "Tải bản gốc") : null,
      r.status === "ACTIVE" ? el("button", { type: "button", onclick: () => showText(r.id, textBox) }, "Xem nội dung") : null,
      el("button", { type: "button", onclick: () => showHistory(r.id, textBox) }, "Lịch sử chỉnh sửa")),
    textBox);
}

async function download(r) {
  try {
    const res = await api(`records/${encodeURIComponent(r.id)}/content`);
    const url = URL.createObjectURL(await res.blob());
    const a = el("a", { href: url, download: r.fileName || r.id });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) { showError(e); }
}

async function showText(id, box) {
  try {
    const text = await (await api(`records/${encodeURIComponent(id)}/text`)).text();
    box.replaceChildren(el("pre", { class: "text" }, text || "(không có nội dung văn bản)"));
  } catch (e) { showError(e); }
}

async function showHistory(id, box) {
  try {
    const h = await (await api(`records/${encodeURIComponent(id)}/history`)).json();
    const list = el("ol");
    for (const item of h.items) {
      list.append(el("li", {}, `${dateTime(item.changedAt)} · ${item.changedBy}: `,
        el("code", {}, JSON.stringify(item.previous)), " → ", el("code", {}, JSON.stringify(item.changes))));
    }
    box.replaceChildren(h.items.length ? list : el("p", {}, "Chưa có chỉnh sửa."));
  } catch (e) { showError(e); }
}

async function upload(form) {
  const data = new FormData();
  const metadata = {};
  for (const [k, v] of new FormData(form)) {
    if (typeof v === "string" && v.trim()) metadata[k] = v.trim();
  }
  data.append("metadata", new Blob([JSON.stringify(metadata)], { type: "application/json" }));
  data.append("file", form.elements.file.files[0]);
  if (form.elements.signature.files.length) data.append("signature", form.elements.signature.files[0]);
  const key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now());
  try {
    const r = await (await api("records?wait=indexed",
      { method: "POST", body: data, headers: { "Idempotency-Key": key } })).json();
    showError(null);
    $("upload-result").replaceChildren(el("p", {}, "Đã nộp lưu: ",
      el("button", { type: "button", class: "hit-title", onclick: () => openRecord(r.id) }, r.subject),
      " · chữ ký số ", badge(r.signature ? r.signature.status : "NOT_SIGNED")));
    form.reset();
  } catch (e) { showError(e); }
}

function wire() {
  $("signin-form").addEventListener("submit", (e) => {
    e.preventDefault();
    openSession($("username").value.trim(), $("password").value)
      .then((t) => { $("password").value = ""; return signIn(t); }, showError);
  });
  $("token-form").addEventListener("submit", (e) => { e.preventDefault(); signIn($("token").value.trim()); });
  $("signout").addEventListener("click", () => signOut(true));
  $("search-form").addEventListener("submit", (e) => { e.preventDefault(); search(); });
  $("more").addEventListener("click", () => search(lastSearch));
  $("upload-form").addEventListener("submit", (e) => { e.preventDefault(); upload(e.target); });
  for (const b of document.querySelectorAll("nav button")) {
    b.addEventListener("click", () => show(b.dataset.view));
  }
  if (token) signIn(token); else signOut();
}

wire();
