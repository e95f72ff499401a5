package vn.tangthu.archive.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * The one strict reading of JSON the API accepts, for request bodies and the {@code metadata} part
 * of an upload: well-formed UTF-8 (no overlong forms, no encoded surrogates, nothing past U+10FFFF;
 * Jackson itself lets overlong forms through), exactly one JSON value with nothing after it, no
 * member name twice, and no string (names included) holding U+0000 or half of a surrogate pair,
 * which no column can store. Thread-safe.
 */
public final class StrictJson {

  private final ObjectMapper mapper;

  /** {@code mapper} should have {@link StrictJsonModule#apply} applied. */
  public StrictJson(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** Why a body was refused, in English and Vietnamese, and the top-level member at fault. */
  public static final class Malformed extends IllegalArgumentException {
    private final String reasonVi;
    private final String field;

    Malformed(String reasonEn, String reasonVi) {
      this(reasonEn, reasonVi, null);
    }

    Malformed(String reasonEn, String reasonVi, String field) {
      super(reasonEn);
      this.reasonVi = reasonVi;
      this.field = field;
    }

    /** The top-level member whose value (or name) is at fault; null when not known. */
    public String field() {
      return field;
    }

    public String reasonEn() {
      return getMessage();
    }

    public String reasonVi() {
      return reasonVi;
    }
  }

  /**
   * Checks {@code bytes} and reads them.
   *
   * @throws Malformed when they are not one strict JSON value in UTF-8
   */
  public JsonNode readTree(byte[] bytes) {
    String text = utf8(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new Malformed(
          "is not valid JSON" + where + ": " + e.getOriginalMessage(),
          "không phải JSON hợp lệ" + where + ": " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw new Malformed("is empty", "rỗng");
    }
    if (tree.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (unstorable(e.getKey())) {
          throw unstorableText(null);
        }
        requireStorableText(e.getValue(), e.getKey());
      }
    } else {
      requireStorableText(tree, null);
    }
    return tree;
  }

  /**
   * Decodes {@code bytes} as UTF-8, refusing what is not well-formed.
   *
   * @throws Malformed for overlong forms, encoded surrogates, truncated or stray bytes
   */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Malformed("is not well-formed UTF-8", "không phải UTF-8 hợp lệ");
    }
  }

  /** True when {@code s} holds U+0000 or an unpaired surrogate. */
  public static boolean unstorable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static void requireStorableText(JsonNode node, String field) {
    if (node.isTextual() && unstorable(node.textValue())) {
      throw unstorableText(field);
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (unstorable(e.getKey())) {
          throw unstorableText(field);
        }
        requireStorableText(e.getValue(), field);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        requireStorableText(item, field);
      }
    }
  }

  private static Malformed unstorableText(String field) {
    return new Malformed(
        "holds U+0000 or an unpaired surrogate in a string",
        "có ký tự U+0000 hoặc nửa cặp surrogate trong chuỗi",
        field);
  }
}
