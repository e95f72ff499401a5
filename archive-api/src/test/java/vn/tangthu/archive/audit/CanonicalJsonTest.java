package vn.tangthu.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void keysInOrderWithoutWhitespace() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("b", "2");
    m.put("a", "1");
    m.put("B", "0");
    assertThat(CanonicalJson.write(m)).isEqualTo("{\"B\":\"0\",\"a\":\"1\",\"b\":\"2\"}");
    assertThat(CanonicalJson.write(Map.of())).isEqualTo("{}");
  }

  @Test
  void onlyQuotesBackslashesAndControlsAreEscaped() {
    String v = "\"\\\b\f\n\r\t\u0001\u001f/é😀\u007f";
    assertThat(CanonicalJson.write(Map.of("k", v)))
        .isEqualTo("{\"k\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f/é😀\u007f\"}");
    assertThat(CanonicalJson.parseLenient(CanonicalJson.write(Map.of("k", v))))
        .containsExactly(Map.entry("k", v));
  }

  @Test
  void whatIsNotAFlatStringObjectIsShownRaw() {
    assertThat(CanonicalJson.parseLenient("{\"a\":")).containsExactly(Map.entry("raw", "{\"a\":"));
    assertThat(CanonicalJson.parseLenient("null")).containsExactly(Map.entry("raw", "null"));
  }
}
