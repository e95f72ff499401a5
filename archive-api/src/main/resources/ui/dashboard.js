// The dashboard ("Thống kê"): GET /api/v1/stats as figures, a table per agency and a chart of the
// pages archived per month (uPlot, served by the app from vendor/uplot).
import { number, month } from "./vi.js";

let chart = null;

function figure(el, label, value, id) {
  return el("div", { class: "figure" }, el("span", { class: "figure-value", id }, value),
    el("span", { class: "figure-label" }, label));
}

function agencyTable(el, byAgency) {
  const body = el("tbody");
  for (const a of byAgency) {
    body.append(el("tr", {}, el("td", {}, a.name), el("td", { class: "num" }, number(a.records)),
      el("td", { class: "num" }, number(a.pages))));
  }
  return el("table", { class: "stats" },
    el("caption", {}, "Theo cơ quan"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Cơ quan"),
      el("th", { scope: "col" }, "Văn bản"), el("th", { scope: "col" }, "Trang"))),
    body);
}

function monthChart(el, byMonth) {
  const box = el("figure", { class: "chart", id: "chart-months" },
    el("figcaption", {}, "Số trang lưu trữ theo tháng"));
  if (chart) { chart.destroy(); chart = null; }
  if (typeof window.uPlot !== "function" || byMonth.length === 0) return box;
  const xs = byMonth.map((_, i) => i);
  const labels = byMonth.map((m) => month(m.month));
  const bars = window.uPlot.paths.bars({ size: [0.6, 60] });
  chart = new window.uPlot({
    width: 640, height: 260,
    scales: { x: { time: false, range: [-0.5, byMonth.length - 0.5] } },
    axes: [{ values: (u, splits) => splits.map((i) => labels[i] ?? "") ,
      splits: () => xs }, { values: (u, splits) => splits.map((v) => number(v)) }],
    series: [{ label: "Tháng", value: (u, i) => labels[i] ?? "" },
      { label: "Trang", fill: "#a3221b", stroke: "#a3221b", paths: bars, points: { show: false },
        value: (u, v) => v === null ? "" : number(v) }],
  }, [xs, byMonth.map((m) => m.pages)], box);
  return box;
}

/** Shows the caller's statistics in {@code box}. */
export async function showDashboard({ api, el }, box) {
  const s = await (await api("stats")).json();
  const p = s.printing;
  box.replaceChildren(
    el("h2", {}, "Thống kê"),
    el("div", { class: "figures" },
      figure(el, "văn bản", number(s.records), "stat-records"),
      figure(el, "trang", number(s.pages), "stat-pages"),
      figure(el, "trang in đã tiết kiệm", number(p.pagesAvoided), "stat-pages-avoided"),
      figure(el, "đồng tiết kiệm chi phí in", number(p.savedVnd) + " ₫", "stat-saved")),
    el("p", { class: "hint" }, `Tiết kiệm = số trang văn bản điện tử gốc × ${number(p.copiesPerPage)}`
      + ` bản in × ${number(p.costPerPageVnd)} ₫ một trang. Chỉ tính các văn bản bạn được xem.`),
    agencyTable(el, s.byAgency),
    monthChart(el, s.byMonth));
}
