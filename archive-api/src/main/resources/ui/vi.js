// Vietnamese words for the API's codes, and dates and times in Vietnam's time zone.

const WORDS = {
  // records
  ACTIVE: ["Đang lưu", "Văn bản đang được lưu trữ"],
  DISPOSED: ["Đã tiêu hủy", "Bản gốc đã bị tiêu hủy theo quyết định; chỉ còn thông tin mô tả"],
  TRANSFERRED: ["Đã chuyển giao", "Đã nộp vào Lưu trữ lịch sử"],
  PUBLIC: ["Công khai", "Mọi người dùng đã đăng nhập đều xem được"],
  INTERNAL: ["Nội bộ", "Người dùng của cơ quan sở hữu và các cơ quan cấp trên"],
  RESTRICTED: ["Hạn chế", "Chỉ cơ quan sở hữu và người được cấp quyền"],
  ORIGINAL_ELECTRONIC: ["Bản điện tử gốc", "Văn bản được ban hành dưới dạng điện tử"],
  DIGITIZED: ["Bản số hóa", "Văn bản giấy đã được số hóa"],
  MIXED: ["Hỗn hợp", "Có cả bản điện tử gốc và bản số hóa"],
  // text extraction
  PENDING: ["Đang chờ", "Chưa xử lý xong"],
  DONE: ["Hoàn tất", "Đã trích xuất nội dung"],
  FAILED: ["Thất bại", "Không trích xuất được nội dung"],
  // signatures
  VALID: ["Hợp lệ", "Chữ ký số hợp lệ"],
  INVALID: ["Không hợp lệ", "Chữ ký số không khớp với văn bản"],
  INDETERMINATE: ["Chưa xác định", "Chưa kiểm tra được đầy đủ chữ ký số"],
  NOT_SIGNED: ["Không ký số", "Văn bản không có chữ ký số"],
  TRUSTED: ["Tin cậy", "Chứng thư số do tổ chức được tin cậy cấp"],
  UNTRUSTED: ["Không tin cậy", "Chứng thư số không thuộc tổ chức được tin cậy"],
  INTACT: ["Toàn vẹn", "Nội dung không bị thay đổi sau khi ký"],
  BROKEN: ["Bị thay đổi", "Nội dung đã bị thay đổi sau khi ký"],
  // retention and sweeps
  SCHEDULED: ["Có thời hạn", "Có thời hạn bảo quản"],
  PERMANENT: ["Vĩnh viễn", "Bảo quản vĩnh viễn"],
  UNSCHEDULED: ["Chưa xác định thời hạn", "Chưa có thời hạn bảo quản"],
  DESTROY: ["Tiêu hủy", "Tiêu hủy khi hết thời hạn"],
  TRANSFER: ["Chuyển giao", "Nộp vào Lưu trữ lịch sử khi hết thời hạn"],
  PLANNED: ["Đã lập kế hoạch", "Đang chờ xem xét và phê duyệt"],
  APPROVED: ["Đã phê duyệt", "Đã được người thứ hai phê duyệt"],
  REJECTED: ["Bị từ chối", "Kế hoạch bị từ chối"],
  EXECUTING: ["Đang thực hiện", "Đang tiêu hủy hoặc chuyển giao"],
  EXECUTED: ["Đã thực hiện", "Đã tiêu hủy hoặc chuyển giao"],
  // the audit trail: outcomes and actions
  SUCCESS: ["Thành công", ""],
  DENIED: ["Bị từ chối", "Không có quyền hoặc không xác thực được"],
  FAILURE: ["Lỗi", ""],
  SESSION_CREATE: ["Đăng nhập", "Mở phiên làm việc bằng mật khẩu"],
  SESSION_END: ["Đăng xuất", "Kết thúc phiên làm việc"],
  AUTH_FAILED: ["Xác thực thất bại", "Mã truy cập hoặc mật khẩu không đúng"],
  PASSWORD_SET: ["Đặt mật khẩu", ""],
  USER_CREATE: ["Tạo người dùng", ""],
  USER_UPDATE: ["Sửa người dùng", "Đổi họ tên, vai trò hoặc khóa/mở khóa"],
  TOKEN_CREATE: ["Cấp mã truy cập", ""],
  TOKEN_REVOKE: ["Thu hồi mã truy cập", ""],
  AGENCY_CREATE: ["Tạo cơ quan", ""],
  AGENCY_UPDATE: ["Sửa cơ quan", ""],
  RECORD_CREATE: ["Nộp lưu văn bản", ""],
  RECORD_READ: ["Xem văn bản", ""],
  RECORD_LIST: ["Xem danh sách văn bản", ""],
  CONTENT_DOWNLOAD: ["Tải bản gốc", ""],
  TEXT_READ: ["Xem nội dung", ""],
  SEARCH: ["Tìm kiếm", ""],
  RECORD_CORRECT: ["Sửa thông tin văn bản", ""],
  GRANT_CREATE: ["Cấp quyền xem", ""],
  GRANT_REVOKE: ["Thu hồi quyền xem", ""],
  HOLD_PLACE: ["Giữ lại tài liệu", "Đặt lệnh giữ lại theo yêu cầu pháp lý"],
  HOLD_RELEASE: ["Bỏ giữ lại", ""],
  SWEEP_PLAN: ["Lập kế hoạch tiêu hủy", ""],
  SWEEP_APPROVE: ["Phê duyệt tiêu hủy", ""],
  RECORD_DISPOSE: ["Tiêu hủy văn bản", ""],
  RECORD_TRANSFER: ["Chuyển giao văn bản", ""],
  AUDIT_LIST: ["Xem nhật ký", ""],
  AUDIT_VERIFY: ["Kiểm tra chuỗi nhật ký", ""],
  // roles
  SUBMITTER: ["Nộp lưu", "Nộp lưu văn bản của cơ quan"],
  CLERK: ["Tra cứu", "Tìm kiếm và đọc văn bản"],
  ARCHIVIST: ["Lưu trữ viên", "Hồ sơ, thời hạn bảo quản, giữ lại, tiêu hủy"],
  APPROVER: ["Phê duyệt", "Phê duyệt tiêu hủy"],
  AUDITOR: ["Kiểm tra", "Đọc nhật ký kiểm tra"],
  ADMIN: ["Quản trị", "Quản trị toàn hệ thống"],
};

/** The Vietnamese word for a code (the code itself when there is none). */
export function vi(code) {
  return WORDS[code] ? WORDS[code][0] : String(code ?? "");
}

/** A short Vietnamese explanation of a code, or "". */
export function explain(code) {
  return WORDS[code] ? WORDS[code][1] : "";
}

const DATE_TIME = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric",
  hour: "2-digit", minute: "2-digit", hour12: false,
});

/** An ISO-8601 instant as Vietnam's local time, e.g. "07:05 08/12/2026". */
export function dateTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : DATE_TIME.format(d);
}

/** A civil date "YYYY-MM-DD" as "DD/MM/YYYY". */
export function date(ymd) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd || "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(ymd ?? "");
}

/** A month "YYYY-MM" as "MM/YYYY". */
export function month(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym || "");
  return m ? `${m[2]}/${m[1]}` : String(ym ?? "");
}

const NUMBER = new Intl.NumberFormat("vi-VN");

/** A number the Vietnamese way (1.234.567). */
export function number(n) {
  return NUMBER.format(n ?? 0);
}
