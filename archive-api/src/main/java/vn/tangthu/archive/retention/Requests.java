package vn.tangthu.archive.retention;

import java.time.LocalDate;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.Dates;

/** Validation helpers shared by the retention endpoints: each refusal names its field. */
final class Requests {

  private Requests() {}

  static ApiException missingBody() {
    return ApiException.badRequest(
        "INVALID_REQUEST", "A JSON body is required.", "Cần nội dung JSON.");
  }

  static ApiException invalid(String code, String field, String en, String vi) {
    return ApiException.of(422, code, field + " " + en, field + " " + vi).with("field", field);
  }

  static String text(String code, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(code, field, "is required.", "là bắt buộc.");
    }
    String v = value.strip();
    if (v.length() > max || v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
      throw invalid(
          code,
          field,
          "must have at most " + max + " characters and no control characters.",
          "tối đa " + max + " ký tự, không có ký tự điều khiển.");
    }
    return v;
  }

  /** A document date read by {@code dates}; absent (null) stays absent, {@code ""} is refused. */
  static LocalDate date(String code, String field, String value, Dates dates) {
    if (value == null) {
      return null;
    }
    try {
      return dates.document(value);
    } catch (Dates.Refused e) {
      throw invalid(code, field, e.reasonEn() + ".", e.reasonVi() + ".");
    }
  }

  static int size(String size) {
    try {
      int n = Integer.parseInt(size);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "INVALID_REQUEST", "size must be a number from 1 to 100.", "size phải là số từ 1 đến 100.");
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
