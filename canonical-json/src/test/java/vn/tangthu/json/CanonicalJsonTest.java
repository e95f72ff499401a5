package vn.tangthu.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
  }

  @Test
  void integersListsAndNestedObjects() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", -1);
    inner.put("a", List.of());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", List.of(inner, "x", 9_007_199_254_740_993L));
    m.put("count", 0);
    assertThat(CanonicalJson.write(m))
        .isEqualTo("{\"count\":0,\"items\":[{\"a\":[],\"z\":-1},\"x\",9007199254740993]}");
  }

  @Test
  void otherValuesAndKeysAreRefused() {
    assertThatThrownBy(() -> CanonicalJson.write(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.write(Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "a")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
