package vn.tangthu.archive.record;

import org.apache.commons.fileupload2.core.FileItemInput;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.StrictJson;

/** The file name of a multipart part, checked the same way for records and import packages. */
public final class PartFileName {

  private PartFileName() {}

  /**
   * The part's file name as the client sent it, or null when it sent none.
   *
   * @throws ApiException 400 {@code INVALID_REQUEST} naming the part when the name holds a control
   *     character (U+0000 included) or a character PostgreSQL cannot store
   */
  public static String of(FileItemInput item, String part) {
    String name;
    try {
      name = item.getName();
    } catch (IllegalArgumentException e) { // commons-fileupload's check for U+0000
      throw badFileName(part);
    }
    if (name != null
        && (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || StrictJson.unstorable(name))) {
      throw badFileName(part);
    }
    return name;
  }

  private static ApiException badFileName(String part) {
    return ApiException.badRequest(
            "INVALID_REQUEST",
            "The file name of part " + part + " holds a control character.",
            "Tên tệp của phần " + part + " có ký tự điều khiển.")
        .with("part", part);
  }
}
