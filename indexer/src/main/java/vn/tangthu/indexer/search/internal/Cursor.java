package vn.tangthu.indexer.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import vn.tangthu.indexer.search.SearchRequest.Sort;

/**
 * The opaque paging cursor: the sort values of the last hit of a page and its record id, as
 * base64url of {@code v1|<sort>|<value>|<id>}. Paging continues strictly after that (sort value,
 * id) pair, so pages neither repeat nor skip records that stay unchanged between requests. A
 * relevance cursor inside the {@link ProximityWindow rescored window} has the sort code {@code w}
 * and carries the rescored score.
 */
public final class Cursor {

  private static final String VERSION = "v1";
  private static final String WINDOW = "w";

  /**
   * A decoded cursor.
   *
   * @param inWindow whether {@code after} is a position in the rescored window (relevance only)
   */
  public record Position(FieldDoc after, boolean inWindow) {}

  private Cursor() {}

  /** The cursor pointing after {@code last}, a hit of the rescored window. */
  public static String encodeInWindow(FieldDoc last) {
    return encode(WINDOW, Sort.RELEVANCE, last);
  }

  /** The cursor pointing after {@code last}, a hit of a search sorted by {@code sort}. */
  public static String encode(Sort sort, FieldDoc last) {
    return encode(code(sort), sort, last);
  }

  private static String encode(String code, Sort sort, FieldDoc last) {
    String value;
    if (sort == Sort.RELEVANCE) {
      value = Integer.toHexString(Float.floatToIntBits((Float) last.fields[0]));
    } else {
      value = Long.toString((Long) last.fields[0]);
    }
    String id = ((BytesRef) last.fields[1]).utf8ToString();
    String raw = VERSION + "|" + code + "|" + value + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The search-after position of a cursor.
   *
   * @throws IllegalArgumentException when the cursor is not one this index made for {@code sort}
   */
  public static Position decode(String cursor, Sort sort) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    String[] parts = raw.split("\\|", 4);
    if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
      throw malformed();
    }
    boolean inWindow = sort == Sort.RELEVANCE && WINDOW.equals(parts[1]);
    if (!code(sort).equals(parts[1]) && !inWindow) {
      throw new IllegalArgumentException("cursor belongs to a search with another sort order");
    }
    Object value;
    try {
      value =
          sort == Sort.RELEVANCE
              ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16))
              : (Object) Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw malformed();
    }
    return new Position(
        new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {value, new BytesRef(parts[3])}),
        inWindow);
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("malformed cursor");
  }

  private static String code(Sort sort) {
    return switch (sort) {
      case RELEVANCE -> "r";
      case ISSUED_DATE_ASC -> "a";
      case ISSUED_DATE_DESC -> "d";
    };
  }
}
