package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectMetaTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-26T21:38:49.123Z",
        "2026-11-26T21:38:49Z",
        "2024-02-29T00:00:00.001Z",
        "1970-01-01T00:00:00Z",
        "0999-12-31T23:59:59.999Z",
        "2026-11-26T21:38:49.123456Z",
        "+12026-01-01T00:00:00Z"
      })
  void sidecarInstantsParseAsInstantParseDoes(String text) {
    assertThat(ObjectMeta.instant(text)).isEqualTo(Instant.parse(text));
    assertThat(ObjectMeta.instant(Instant.parse(text).toString())).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00.000Z", "2026-11-26T25:00:00Z", "x"})
  void invalidInstantsAreRefusedLikeInstantParse(String text) {
    assertThatThrownBy(() -> ObjectMeta.instant(text)).isInstanceOf(DateTimeParseException.class);
  }
}
