package vn.tangthu.archive.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.tangthu.archive.error.ApiException;

class CursorsTest {

  @Test
  void absentOrBlankIsTheFirstPage() {
    assertThat(Cursors.uuid(null)).isEmpty();
    assertThat(Cursors.uuid(" ")).isEmpty();
    assertThat(Cursors.position("")).isEmpty();
    assertThat(Cursors.key(null, s -> false)).isEmpty();
  }

  @Test
  void handedOutCursorsAreRead() {
    UUID id = UUID.randomUUID();
    assertThat(Cursors.uuid(id.toString())).contains(id);
    assertThat(Cursors.position("42")).hasValue(42);
    assertThat(Cursors.position("9223372036854775807")).hasValue(Long.MAX_VALUE);
    assertThat(Cursors.key("BN.HS.10", s -> true)).contains("BN.HS.10");
  }

  @Test
  void anythingElseIsInvalidCursor() {
    for (String bad :
        new String[] {"\u0000", "!!", "1-2", UUID.randomUUID() + "x", "x".repeat(500)}) {
      assertThatThrownBy(() -> Cursors.uuid(bad))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("INVALID_CURSOR");
              });
    }
    for (String bad :
        new String[] {
          "0",
          "-1",
          "1.5",
          "99999999999999999999",
          "9999999999999999999",
          "9223372036854775808",
          "+1",
          "\u0000"
        }) {
      assertThatThrownBy(() -> Cursors.position(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CURSOR"));
    }
    assertThatThrownBy(() -> Cursors.key("a\u0000", s -> true)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Cursors.key("!!", s -> false)).isInstanceOf(ApiException.class);
  }
}
