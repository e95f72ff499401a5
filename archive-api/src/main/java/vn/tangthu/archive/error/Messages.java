package vn.tangthu.archive.error;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Problem titles by code, in Vietnamese (the default) and English. Thread-safe and immutable. */
public final class Messages {

  private record Title(String vi, String en) {}

  private static final Map<String, Title> TITLES =
      Map.ofEntries(
          Map.entry("UNAUTHENTICATED", new Title("Chưa xác thực", "Not authenticated")),
          Map.entry("FORBIDDEN", new Title("Không có quyền", "Forbidden")),
          Map.entry("NOT_FOUND", new Title("Không tìm thấy", "Not found")),
          Map.entry("DUPLICATE", new Title("Văn bản đã tồn tại", "Duplicate record")),
          Map.entry("INVALID_METADATA", new Title("Siêu dữ liệu không hợp lệ", "Invalid metadata")),
          Map.entry("INVALID_REQUEST", new Title("Yêu cầu không hợp lệ", "Invalid request")),
          Map.entry("INVALID_QUERY", new Title("Truy vấn không hợp lệ", "Invalid query")),
          Map.entry("MISSING_FILE", new Title("Thiếu tệp văn bản", "Missing file")),
          Map.entry("EMPTY_FILE", new Title("Tệp rỗng", "Empty file")),
          Map.entry(
              "UNSUPPORTED_MEDIA",
              new Title("Định dạng không được hỗ trợ", "Unsupported media type")),
          Map.entry("UPLOAD_TOO_LARGE", new Title("Tệp quá lớn", "Upload too large")),
          Map.entry("UPLOAD_INCOMPLETE", new Title("Tải lên không hoàn tất", "Upload incomplete")),
          Map.entry("UNKNOWN_AGENCY", new Title("Cơ quan không tồn tại", "Unknown agency")),
          Map.entry("AGENCY_EXISTS", new Title("Cơ quan đã tồn tại", "Agency exists")),
          Map.entry(
              "EDXML_ORGAN_ID_TAKEN",
              new Title("Mã định danh edXML đã được dùng", "edXML organ id taken")),
          Map.entry(
              "UNSUPPORTED_PACKAGE",
              new Title("Gói nhập không được hỗ trợ", "Unsupported package")),
          Map.entry("BAG_INVALID", new Title("Gói BagIt không hợp lệ", "Invalid bag")),
          Map.entry("PACKAGE_TOO_LARGE", new Title("Gói nhập quá lớn", "Package too large")),
          Map.entry("IMPORT_FINISHED", new Title("Lần nhập đã kết thúc", "Import finished")),
          Map.entry(
              "RANGE_NOT_SATISFIABLE", new Title("Phạm vi không hợp lệ", "Range not satisfiable")),
          Map.entry("DISPOSED", new Title("Văn bản đã bị hủy", "Record disposed")),
          Map.entry("CONTENT_CORRUPT", new Title("Bản gốc bị hỏng", "Original content corrupt")),
          Map.entry("SWEEP_STATE", new Title("Sai trạng thái đợt hủy", "Wrong sweep state")),
          Map.entry("SWEEP_BUSY", new Title("Đợt hủy đang thực hiện", "Sweep busy")),
          Map.entry("SELF_APPROVAL", new Title("Không được tự phê duyệt", "Self-approval refused")),
          Map.entry("NOT_APPROVER", new Title("Không có quyền phê duyệt", "Not an approver")),
          Map.entry("OUTSIDE_AGENCY", new Title("Ngoài phạm vi cơ quan", "Outside the agency")),
          Map.entry(
              "NO_TRANSFER", new Title("Không có văn bản chuyển giao", "Nothing to transfer")),
          Map.entry("EXPORT_TOO_LARGE", new Title("Kết xuất quá lớn", "Export too large")),
          Map.entry(
              "TEXT_PENDING", new Title("Chưa trích xuất nội dung", "Text not extracted yet")),
          Map.entry(
              "EXTRACTION_FAILED",
              new Title("Không trích xuất được nội dung", "Text extraction failed")),
          Map.entry("INVALID_CHECK", new Title("Yêu cầu kiểm tra không hợp lệ", "Invalid check")),
          Map.entry(
              "STORAGE_UNAVAILABLE",
              new Title("Kho lưu trữ không sẵn sàng", "Storage unavailable")),
          Map.entry("INDEX_TIMEOUT", new Title("Chưa lập chỉ mục kịp", "Indexing not finished")),
          Map.entry(
              "INDEX_CATCHING_UP",
              new Title("Chỉ mục tìm kiếm đang cập nhật", "Search index catching up")),
          Map.entry("TOO_MANY_REQUESTS", new Title("Quá nhiều yêu cầu", "Too many requests")),
          Map.entry(
              "METHOD_NOT_ALLOWED", new Title("Phương thức không được phép", "Method not allowed")),
          Map.entry("NOT_ACCEPTABLE", new Title("Không chấp nhận", "Not acceptable")),
          Map.entry("INTERNAL_ERROR", new Title("Lỗi hệ thống", "Internal error")),
          Map.entry(
              "RETENTION_LOCKED",
              new Title("Thời hạn bảo quản đang bị khóa", "Retention is locked")),
          Map.entry(
              "INVALID_SCHEDULE",
              new Title("Thời hạn bảo quản không hợp lệ", "Invalid retention schedule")),
          Map.entry("INVALID_DOSSIER", new Title("Hồ sơ không hợp lệ", "Invalid dossier")),
          Map.entry(
              "FILE_CODE_TAKEN",
              new Title("Mã hồ sơ đã được cơ quan khác dùng", "File code taken")),
          Map.entry(
              "DOSSIER_AGENCY_FIXED",
              new Title("Không chuyển hồ sơ sang cơ quan khác", "Dossier agency fixed")),
          Map.entry("INVALID_HOLD", new Title("Lệnh phong tỏa không hợp lệ", "Invalid hold")),
          Map.entry(
              "HOLD_RELEASED", new Title("Lệnh phong tỏa đã được gỡ", "Hold already released")),
          Map.entry(
              "EVIDENCE_PENDING", new Title("Chưa có bằng chứng lưu trữ", "Evidence not made yet")),
          Map.entry("SIGNATURE_REQUIRED", new Title("Cần chữ ký số", "Signature required")),
          Map.entry(
              "SIGNATURE_NOT_VALID", new Title("Chữ ký số không hợp lệ", "Signature not valid")),
          Map.entry(
              "SIGNATURE_MALFORMED", new Title("Chữ ký số không đọc được", "Malformed signature")),
          Map.entry(
              "SIGNATURE_UNVERIFIABLE",
              new Title("Không kiểm tra được chữ ký số", "Signature cannot be verified")),
          Map.entry("USER_EXISTS", new Title("Người dùng đã tồn tại", "User exists")),
          Map.entry("UNKNOWN_USER", new Title("Người dùng không tồn tại", "Unknown user")),
          Map.entry(
              "IDEMPOTENCY_KEY_REUSED",
              new Title(
                  "Idempotency-Key đã dùng cho yêu cầu khác",
                  "Idempotency-Key used for another request")),
          Map.entry(
              "INVALID_CURSOR", new Title("Con trỏ phân trang không hợp lệ", "Invalid cursor")),
          Map.entry("BAD_REQUEST", new Title("Yêu cầu sai định dạng HTTP", "Bad request")),
          Map.entry("INVALID_PATH", new Title("Đường dẫn không hợp lệ", "Invalid path")),
          Map.entry("URI_TOO_LONG", new Title("Địa chỉ URL quá dài", "URI too long")),
          Map.entry(
              "HEADER_TOO_LARGE",
              new Title("Tiêu đề yêu cầu quá lớn", "Request headers too large")),
          Map.entry("REQUEST_TOO_LARGE", new Title("Yêu cầu quá lớn", "Request too large")),
          Map.entry("REQUEST_TIMEOUT", new Title("Hết thời gian chờ yêu cầu", "Request timeout")),
          Map.entry("LENGTH_REQUIRED", new Title("Thiếu độ dài nội dung", "Length required")),
          Map.entry(
              "EXPECTATION_FAILED", new Title("Không đáp ứng được Expect", "Expectation failed")),
          Map.entry("NOT_IMPLEMENTED", new Title("Chưa được hỗ trợ", "Not implemented")),
          Map.entry("UNAVAILABLE", new Title("Dịch vụ tạm ngừng", "Service unavailable")),
          Map.entry(
              "HTTP_VERSION_NOT_SUPPORTED",
              new Title("Phiên bản HTTP không được hỗ trợ", "HTTP version not supported")));

  private Messages() {}

  /** Every code with a registered title, in no particular order. */
  public static java.util.Set<String> codes() {
    return TITLES.keySet();
  }

  /** The title for {@code code}, or a generic one for codes without a registered title. */
  public static String title(String code, boolean vietnamese) {
    Title t = TITLES.get(code);
    if (t == null) {
      return vietnamese ? "Yêu cầu bị từ chối" : "Request refused";
    }
    return vietnamese ? t.vi() : t.en();
  }

  /** True unless the client prefers English over Vietnamese ({@code vi} is the default). */
  public static boolean prefersVietnamese(List<Locale> acceptable) {
    for (Locale l : acceptable) {
      String lang = l.getLanguage();
      if ("vi".equals(lang)) {
        return true;
      }
      if ("en".equals(lang)) {
        return false;
      }
    }
    return true;
  }
}
