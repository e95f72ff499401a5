package vn.tangthu.archive.input;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;

/**
 * The one reading of the {@code cursor} a list hands out as {@code nextCursor}: absent or blank
 * means the first page; anything that is not a cursor that list could have handed out is a 400
 * {@code INVALID_CURSOR}, never a query with a value the database cannot take.
 */
public final class Cursors {

  private static final int MAX_LENGTH = 200;

  private Cursors() {}

  /** A cursor that is the id of the last item seen. */
  public static Optional<UUID> uuid(String cursor) {
    return present(cursor).map(c -> Ids.parse(c).orElseThrow(Cursors::invalid));
  }

  /** A cursor that is a positive position (an entry id). */
  public static OptionalLong position(String cursor) {
    Optional<String> c = present(cursor);
    if (c.isEmpty()) {
      return OptionalLong.empty();
    }
    String s = c.get();
    if (s.length() > 19 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw invalid();
    }
    long n;
    try {
      n = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw invalid(); // nineteen digits past 2^63 - 1
    }
    if (n <= 0) {
      throw invalid();
    }
    return OptionalLong.of(n);
  }

  /** A cursor that is the key of the last item seen, valid when {@code isKey} accepts it. */
  public static Optional<String> key(String cursor, Predicate<String> isKey) {
    return present(cursor)
        .map(
            c -> {
              if (!isKey.test(c)) {
                throw invalid();
              }
              return c;
            });
  }

  /** The refusal of a cursor no list could have handed out. */
  public static ApiException invalid() {
    return ApiException.badRequest(
            "INVALID_CURSOR",
            "The cursor is not one this list handed out.",
            "Con trỏ phân trang không phải do danh sách này cấp.")
        .with("parameter", "cursor");
  }

  private static Optional<String> present(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return Optional.empty();
    }
    if (cursor.length() > MAX_LENGTH || StrictJson.unstorable(cursor)) {
      throw invalid();
    }
    return Optional.of(cursor);
  }
}
