// Tàng Thư web UI, import page (submitters and archivists): send a package to POST /imports, watch
// its job (GET /imports/{id}) until it ends, page through its failed items
// (GET /imports/{id}/items?status=FAILED), list recent imports (GET /imports). Server data is put
// into the page as text nodes only.

const STATUS_VI = {
  QUEUED: "Đang chờ", RUNNING: "Đang nhập", DONE: "Hoàn tất", FAILED: "Thất bại", CANCELLED: "Đã hủy",
};
const FORMAT_VI = {
  EDXML: "Thông điệp edXML", EDXML_BATCH: "Lô thông điệp edXML", BAGIT: "Gói BagIt",
  ZIP: "Tệp ZIP kèm siêu dữ liệu", TAR: "Tệp TAR kèm siêu dữ liệu",
};
const FINISHED = new Set(["DONE", "FAILED", "CANCELLED"]);
const POLL_MS = 1000;
const PAGE = 20;

export function initImports({ api, el, showError, $ }) {
  let watching = null;
  let timer = null;
  let failedCursor = null;

  function statusBadge(status) {
    return el("span", { class: "badge " + status }, STATUS_VI[status] || status);
  }

  function options(form) {
    const o = {};
    for (const name of ["agencyCode", "accessLevel", "seriesCode", "fileCode"]) {
      const v = form.elements[name].value.trim();
      if (v) o[name] = v;
    }
    return o;
  }

  async function send(form) {
    const file = form.elements.package.files[0];
    if (!file) return;
    const data = new FormData();
    const o = options(form);
    if (Object.keys(o).length) {
      data.append("options", new Blob([JSON.stringify(o)], { type: "application/json" }));
    }
    data.append("package", file, file.name);
    const key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now());
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    $("import-job").replaceChildren(el("p", {}, `Đang gửi ${file.name}…`));
    try {
      const job = await (await api("imports", {
        method: "POST", body: data, headers: { "Idempotency-Key": key },
      })).json();
      showError(null);
      form.reset();
      watch(job.id);
    } catch (e) {
      $("import-job").replaceChildren();
      showError(e);
    } finally {
      button.disabled = false;
    }
  }

  function watch(id) {
    watching = id;
    failedCursor = null;
    $("import-failed").replaceChildren();
    clearTimeout(timer);
    poll();
  }

  async function poll() {
    const id = watching;
    try {
      const job = await (await api("imports/" + encodeURIComponent(id))).json();
      if (id !== watching) return;
      renderJob(job);
      if (FINISHED.has(job.status)) {
        loadFailed(true);
        listRecent();
      } else {
        timer = setTimeout(poll, POLL_MS);
      }
    } catch (e) { showError(e); }
  }

  function renderJob(job) {
    const c = job.counts;
    const done = c.imported + c.duplicate + c.failed;
    const bar = el("progress", { id: "import-progress", max: String(Math.max(c.total, 1)), value: String(done) });
    const cancel = FINISHED.has(job.status) ? null
      : el("button", { type: "button", onclick: () => cancelJob(job.id) }, "Hủy nhập");
    $("import-job").replaceChildren(
      el("h3", {}, job.packageName || job.id),
      el("p", { class: "import-status" }, statusBadge(job.status), " ",
        FORMAT_VI[job.format] || job.format, ` · ${done}/${c.total} mục`),
      bar,
      el("p", { id: "import-counts" },
        `Đã nhập ${c.imported} · Trùng (đã có trong kho) ${c.duplicate} · Lỗi ${c.failed}`,
        job.recordsPerSecond ? ` · ${job.recordsPerSecond.toFixed(1)} văn bản/giây` : ""),
      job.failure ? el("p", { class: "error-text" }, `${job.failure.message} (${job.failure.code})`) : null,
      cancel);
  }

  async function cancelJob(id) {
    try {
      await api(`imports/${encodeURIComponent(id)}/cancel`, { method: "POST" });
      showError(null);
      watch(id);
    } catch (e) { showError(e); }
  }

  async function loadFailed(first) {
    const id = watching;
    const params = new URLSearchParams({ status: "FAILED", size: String(PAGE) });
    if (!first && failedCursor) params.set("cursor", failedCursor);
    try {
      const page = await (await api(`imports/${encodeURIComponent(id)}/items?${params}`)).json();
      if (id !== watching) return;
      let body = $("import-failed-rows");
      if (first) {
        if (page.items.length === 0) {
          $("import-failed").replaceChildren(el("p", {}, "Không có mục lỗi."));
          return;
        }
        body = el("tbody", { id: "import-failed-rows" });
        $("import-failed").replaceChildren(
          el("h3", {}, "Các mục lỗi"),
          el("table", { class: "items" },
            el("thead", {}, el("tr", {}, el("th", {}, "#"), el("th", {}, "Đường dẫn"),
              el("th", {}, "Mã lỗi"), el("th", {}, "Lý do"))),
            body),
          el("button", { type: "button", id: "import-failed-more", hidden: "",
            onclick: () => loadFailed(false) }, "Xem thêm mục lỗi"));
      }
      for (const item of page.items) {
        body.append(el("tr", {}, el("td", {}, String(item.index)), el("td", {}, item.path),
          el("td", {}, el("code", {}, item.code || "")), el("td", {}, item.message || "")));
      }
      failedCursor = page.nextCursor;
      $("import-failed-more").hidden = !page.nextCursor;
    } catch (e) { showError(e); }
  }

  async function listRecent() {
    try {
      const page = await (await api("imports?size=10")).json();
      const list = $("import-list");
      list.replaceChildren();
      for (const job of page.items) {
        list.append(el("li", {},
          el("button", { type: "button", class: "hit-title", onclick: () => watch(job.id) },
            job.packageName || job.id),
          " ", statusBadge(job.status),
          ` · ${job.counts.imported + job.counts.duplicate + job.counts.failed}/${job.counts.total}`
            + ` · ${job.createdBy} · ${job.createdAt}`));
      }
      if (page.items.length === 0) list.append(el("li", {}, "Chưa có lần nhập nào."));
    } catch (e) { showError(e); }
  }

  $("import-form").addEventListener("submit", (e) => { e.preventDefault(); send(e.target); });
  return { shown: listRecent };
}
