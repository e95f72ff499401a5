package vn.tangthu.archive.input;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Wrong values for what a schema of {@code docs/openapi.yaml} allows: wrong JSON types, values out
 * of the stated range, format or enum, broken encodings (U+0000, control characters, overlong
 * UTF-8, lone surrogates, stray bytes) and sizes past every limit. Every value here must be refused
 * wherever the file puts that schema; none depends on the state of the archive.
 */
final class WrongInputs {

  private WrongInputs() {}

  /** A wrong value already encoded for its place: percent-encoded text, or raw JSON bytes. */
  record Wrong(String label, byte[] raw) {
    static Wrong text(String label, String encoded) {
      return new Wrong(label, encoded.getBytes(StandardCharsets.ISO_8859_1));
    }

    String asText() {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Percent-encoded bytes no parameter may hold, whatever its schema. */
  static final List<Wrong> BAD_ENCODINGS =
      List.of(
          Wrong.text("U+0000", "a%00b"),
          Wrong.text("U+0001", "a%01"),
          Wrong.text("line feed", "a%0Ab"),
          Wrong.text("DEL", "%7F"),
          Wrong.text("lone surrogate", "%ED%A0%80"),
          Wrong.text("overlong '/'", "%C0%AF"),
          Wrong.text("stray byte", "%FF"),
          Wrong.text("truncated sequence", "a%E2%82"),
          Wrong.text("10,000 characters", "a".repeat(10_000)));

  /** Path segments no path parameter may be: bad encodings and encoded separators. */
  static List<Wrong> pathSegment() {
    List<Wrong> out = new ArrayList<>(BAD_ENCODINGS);
    out.add(Wrong.text("encoded /", "a%2Fb"));
    out.add(Wrong.text("encoded \\", "a%5Cb"));
    out.add(Wrong.text("encoded %", "a%25b"));
    return out;
  }

  /** Wrong query values for a parameter named {@code name} with {@code schema}. */
  static List<Wrong> queryValue(String name, Schema<?> schema) {
    List<Wrong> out = new ArrayList<>(BAD_ENCODINGS);
    Set<String> types = ApiModel.types(schema);
    if (name.equals("cursor")) {
      out.add(Wrong.text("not a cursor", "%21%21"));
      out.add(Wrong.text("not a cursor (spaces)", "not%20a%20cursor"));
    }
    if (types.contains("integer")) {
      for (String v : List.of("abc", "1.5", "1e3", "", "%205", "99999999999999999999")) {
        out.add(Wrong.text("integer '" + v + "'", v));
      }
      outOfRange(schema).forEach(v -> out.add(Wrong.text("out of range " + v, v)));
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      out.add(Wrong.text("not in enum", "NOT_IN_ENUM"));
      out.add(Wrong.text("empty enum value", ""));
    }
    if ("date".equals(schema.getFormat())) {
      for (String v :
          List.of(
              "2024-13-45",
              "20240315",
              "%2B10000-01-01",
              "-999999999-01-01",
              "0000-01-01",
              "1799-12-31",
              "2024-03-15T00%3A00",
              "2024-02-30",
              "%202024-03-15",
              "yesterday")) {
        out.add(Wrong.text("date " + v, v));
      }
    }
    if ("date-time".equals(schema.getFormat())) {
      for (String v :
          List.of(
              "2024-03-15",
              "2024-03-15T08%3A30%3A00",
              "1799-12-31T00%3A00%3A00Z",
              "%2B1000000000-01-01T00%3A00%3A00Z",
              "2024-13-01T00%3A00%3A00Z",
              "1700000000")) {
        out.add(Wrong.text("instant " + v, v));
      }
    }
    return out;
  }

  /** Wrong header values, only where the schema states a pattern or length. */
  static List<Wrong> headerValue(Schema<?> schema) {
    List<Wrong> out = new ArrayList<>();
    if (schema.getPattern() != null) {
      out.add(Wrong.text("space", "has space"));
      out.add(Wrong.text("tab", "has\ttab"));
    }
    if (schema.getMaxLength() != null) {
      out.add(Wrong.text("too long", "k".repeat(schema.getMaxLength() + 1)));
    }
    return out;
  }

  /** Wrong JSON values (raw bytes) for a member with {@code schema}. */
  static List<Wrong> member(Schema<?> schema) {
    List<Wrong> out = new ArrayList<>();
    Set<String> types = ApiModel.types(schema);
    boolean string = types.contains("string");
    boolean integer = types.contains("integer");
    boolean array = types.contains("array");
    if (schema.getOneOf() != null) {
      out.addAll(
          json("number", "123", "boolean", "true", "object", "{}", "array of numbers", "[1]"));
      return out;
    }
    if (!string) {
      out.addAll(json("string", "\"5\""));
    }
    if (!integer) {
      out.addAll(json("number", "123"));
    }
    out.addAll(json("boolean", "true", "object", "{}", "fraction", "1.5"));
    if (!array) {
      out.addAll(json("array", "[]"));
    }
    if (string) {
      out.addAll(
          json(
              "U+0000 in a string", "\"a\\u0000b\"",
              "lone high surrogate", "\"\\ud800\"",
              "lone low surrogate", "\"\\udc00x\""));
      out.add(
          new Wrong("overlong UTF-8", bytes("\"a", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"")));
      out.add(new Wrong("stray byte", bytes("\"a", new byte[] {(byte) 0xFF}, "\"")));
      if (schema.getMaxLength() != null) {
        out.addAll(json("too long", "\"" + "x".repeat(schema.getMaxLength() + 1) + "\""));
      }
      if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
        out.addAll(json("not in enum", "\"NOT_IN_ENUM\"", "empty", "\"\""));
      }
      if ("date".equals(schema.getFormat())) {
        out.addAll(
            json(
                "number date", "20240315",
                "empty date", "\"\"",
                "year +999999999", "\"+999999999-12-31\"",
                "year -999999999", "\"-999999999-01-01\"",
                "year +10000", "\"+10000-01-01\"",
                "year 0", "\"0000-01-01\"",
                "before 1800", "\"1799-12-31\"",
                "date-time", "\"2024-03-15T00:00:00\"",
                "trailing U+0000", "\"2024-03-15\\u0000\"",
                "30 February", "\"2024-02-30\"",
                "leading space", "\" 2024-03-15\""));
      }
      if ("date-time".equals(schema.getFormat())) {
        out.addAll(
            json(
                "date only", "\"2024-03-15\"",
                "no zone", "\"2024-03-15T08:30:00\"",
                "before 1800", "\"1799-12-31T00:00:00Z\"",
                "month 13", "\"2024-13-01T00:00:00Z\"",
                "epoch seconds", "1700000000",
                "empty", "\"\""));
      }
      if ("uuid".equals(schema.getFormat())) {
        out.addAll(json("not a uuid", "\"not-a-uuid\""));
      }
    }
    if (integer) {
      outOfRange(schema).forEach(v -> out.addAll(json("out of range " + v, v)));
    }
    if (array && schema.getItems() != null) {
      for (Wrong item : member(schema.getItems())) {
        out.add(new Wrong("item: " + item.label(), bytes("[", item.raw(), "]")));
      }
    }
    return out;
  }

  /** Whole JSON bodies that are not one strict JSON value. */
  static List<Wrong> jsonBody(byte[] example) {
    List<Wrong> out = new ArrayList<>();
    out.addAll(json("array", "[]", "string", "\"x\"", "number", "42", "boolean", "true"));
    out.addAll(json("truncated", "{", "unfinished member", "{\"a\":", "two objects", "{}{}"));
    out.add(
        new Wrong("trailing garbage", bytes(new String(example, StandardCharsets.UTF_8) + " x")));
    out.add(
        new Wrong("trailing array", bytes(new String(example, StandardCharsets.UTF_8) + "[1]")));
    out.add(
        new Wrong(
            "overlong UTF-8", bytes("{\"a\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}")));
    out.add(new Wrong("stray byte", bytes("{\"a\":\"", new byte[] {(byte) 0xFF}, "\"}")));
    out.add(
        new Wrong(
            "UTF-16",
            new String(example, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE)));
    out.add(new Wrong("3 MiB", bytes("{\"a\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")));
    return out;
  }

  private static List<String> outOfRange(Schema<?> schema) {
    List<String> out = new ArrayList<>();
    BigDecimal min = schema.getMinimum();
    BigDecimal max = schema.getMaximum();
    if (min != null) {
      out.add(min.subtract(BigDecimal.ONE).toPlainString());
    }
    if (max != null) {
      out.add(max.add(BigDecimal.ONE).toPlainString());
    }
    return out;
  }

  private static List<Wrong> json(String... labelAndJson) {
    List<Wrong> out = new ArrayList<>();
    for (int i = 0; i + 1 < labelAndJson.length; i += 2) {
      out.add(new Wrong(labelAndJson[i], bytes(labelAndJson[i + 1])));
    }
    return out;
  }

  static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object p : parts) {
      out.writeBytes(p instanceof byte[] b ? b : ((String) p).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
