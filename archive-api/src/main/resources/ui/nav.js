// The areas each role works in, named in Vietnamese. An area is shown when the user has one of
// its roles (ADMIN has every role's areas).

export const AREAS = [
  { view: "dashboard", label: "Thống kê", roles: "*" },
  { view: "search", label: "Tìm kiếm", roles: "*" },
  { view: "upload", label: "Nộp lưu văn bản", roles: ["SUBMITTER"] },
  { view: "sweeps", label: "Tiêu hủy", roles: ["ARCHIVIST", "APPROVER"] },
  { view: "audit", label: "Nhật ký kiểm tra", roles: ["AUDITOR"] },
  { view: "users", label: "Người dùng", roles: [] },
];

/** The areas of a user with {@code roles}, in navigation order. */
export function areasFor(roles) {
  const admin = roles.includes("ADMIN");
  return AREAS.filter((a) => a.roles === "*" || admin || a.roles.some((r) => roles.includes(r)));
}

/** Shows the navigation buttons of {@code roles}' areas (the buttons are in index.html). */
export function showAreas(roles) {
  const shown = new Set(areasFor(roles).map((a) => a.view));
  for (const b of document.querySelectorAll("nav button[data-view]")) {
    b.hidden = !shown.has(b.dataset.view);
  }
}
