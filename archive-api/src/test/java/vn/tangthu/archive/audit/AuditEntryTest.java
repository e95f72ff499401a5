package vn.tangthu.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tangthu.json.CanonicalJson;

class AuditEntryTest {

  @Test
  void storedDetailsReadBackExactly() {
    String v = "\"\\\b\f\n\r\t\u0001\u001f/é😀\u007f";
    assertThat(AuditEntry.parseDetails(CanonicalJson.write(Map.of("k", v))))
        .containsExactly(Map.entry("k", v));
  }

  @Test
  void whatIsNotAFlatStringObjectIsShownRaw() {
    assertThat(AuditEntry.parseDetails("{\"a\":")).containsExactly(Map.entry("raw", "{\"a\":"));
    assertThat(AuditEntry.parseDetails("null")).containsExactly(Map.entry("raw", "null"));
  }
}
