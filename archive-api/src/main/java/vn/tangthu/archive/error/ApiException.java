package vn.tangthu.archive.error;

import java.util.Map;
import java.util.Objects;

/**
 * A refusal the client can act on: an HTTP status, a stable machine-readable {@code code} and
 * optional extra members for the problem document (for example the id of an existing record).
 * Titles and details are looked up by code in {@link Messages}, in the caller's language.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String detailEn;
  private final String detailVi;
  private final Map<String, Object> extra;

  private ApiException(
      int status, String code, String detailEn, String detailVi, Map<String, Object> extra) {
    super(code + ": " + detailEn);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.detailEn = detailEn;
    this.detailVi = detailVi;
    this.extra = Map.copyOf(extra);
  }

  /** A refusal with a detail in both languages. */
  public static ApiException of(int status, String code, String detailEn, String detailVi) {
    return new ApiException(status, code, detailEn, detailVi, Map.of());
  }

  /** A refusal whose detail is the same in both languages (names, values). */
  public static ApiException of(int status, String code, String detail) {
    return new ApiException(status, code, detail, detail, Map.of());
  }

  /** A copy that also carries {@code name: value} in the problem document. */
  public ApiException with(String name, Object value) {
    var map = new java.util.LinkedHashMap<>(extra);
    map.put(name, value);
    return new ApiException(status, code, detailEn, detailVi, map);
  }

  public static ApiException badRequest(String code, String detailEn, String detailVi) {
    return of(400, code, detailEn, detailVi);
  }

  public static ApiException notFound() {
    return of(404, "NOT_FOUND", "No such resource.", "Không tìm thấy tài nguyên.");
  }

  public static ApiException forbidden(String detailEn, String detailVi) {
    return of(403, "FORBIDDEN", detailEn, detailVi);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String detail(boolean vietnamese) {
    return vietnamese ? detailVi : detailEn;
  }

  public Map<String, Object> extra() {
    return extra;
  }
}
