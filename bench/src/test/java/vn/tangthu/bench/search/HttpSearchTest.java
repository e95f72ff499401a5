package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpSearchTest {

  private static InputStream json(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void totalIsFoundAfterNestedFieldsOfTheSameName() throws IOException {
    String answer =
        "{\"hits\":[{\"total\":7,\"snippets\":[\"a\"]}],\"facets\":{\"total\":{\"x\":1}},"
            + "\"total\":1234567,\"nextCursor\":null}";

    assertThat(HttpSearch.total(json(answer))).isEqualTo(1_234_567L);
  }

  @Test
  void answerWithoutTotalIsAnError() {
    assertThatThrownBy(() -> HttpSearch.total(json("{\"hits\":[]}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no total");
    assertThatThrownBy(() -> HttpSearch.total(json("[1,2]")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a JSON object");
  }
}
