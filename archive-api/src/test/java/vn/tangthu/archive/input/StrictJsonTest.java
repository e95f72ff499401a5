package vn.tangthu.archive.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.dropwizard.jackson.Jackson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  private final ObjectMapper mapper = StrictJsonModule.apply(Jackson.newObjectMapper());
  private final StrictJson json = new StrictJson(mapper);

  @Test
  void jacksonAloneReadsOverlongUtf8ThatTheStrictReadingRefuses() throws Exception {
    byte[] overlong = bytes("{\"a\":\"x", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}");
    // what the check is for: Jackson decodes the overlong form instead of refusing it
    assertThat(new ObjectMapper().readTree(overlong).get("a").asText()).startsWith("x");
    assertThatThrownBy(() -> json.readTree(overlong))
        .isInstanceOf(StrictJson.Malformed.class)
        .hasMessageContaining("UTF-8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1} x",
        "{\"a\":1}{}",
        "{\"a\":1}]",
        "{\"a\":1,\"a\":2}",
        "{\"a\":\"b\\u0000\"}",
        "{\"a\\u0000\":1}",
        "{\"a\":[\"\\ud800\"]}",
        "{\"a\":\"\\udc00x\"}",
        "{\"a\":",
        "{'a':1}",
        "[1,]"
      })
  void malformedOrUnstorableBodiesAreRefused(String body) {
    assertThatThrownBy(() -> json.readTree(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StrictJson.Malformed.class);
  }

  @Test
  void encodedSurrogatesAndStrayBytesAreRefused() {
    for (byte[] bad :
        new byte[][] {
          bytes("\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\""),
          bytes("\"", new byte[] {(byte) 0xFF}, "\""),
          bytes("\"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\""),
          bytes("\"", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\""),
          "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)
        }) {
      assertThatThrownBy(() -> json.readTree(bad)).isInstanceOf(StrictJson.Malformed.class);
    }
  }

  @Test
  void theMemberAtFaultIsNamed() {
    assertThatThrownBy(() -> json.readTree(bytes("{\"ok\":\"x\",\"subject\":[\"a\\u0000\"]}")))
        .isInstanceOfSatisfying(
            StrictJson.Malformed.class, e -> assertThat(e.field()).isEqualTo("subject"));
  }

  @Test
  void wellFormedTextIsRead() {
    assertThat(
            json.readTree(bytes("\uFEFF{\"a\":\"Quyết định 😀\\n\",\"b\":[1,2]}"))
                .get("a")
                .asText())
        .isEqualTo("Quyết định 😀\n");
  }

  record Sample(String title, int size, LocalDate day) {}

  @Test
  void scalarsAreNotTakenForOneAnother() throws Exception {
    for (String body :
        new String[] {
          "{\"title\":123,\"size\":1,\"day\":\"2024-03-15\"}",
          "{\"title\":true,\"size\":1,\"day\":\"2024-03-15\"}",
          "{\"title\":\"t\",\"size\":\"1\",\"day\":\"2024-03-15\"}",
          "{\"title\":\"t\",\"size\":1.5,\"day\":\"2024-03-15\"}",
          "{\"title\":\"t\",\"size\":1,\"day\":20240315}",
          "{\"title\":\"t\",\"size\":1,\"day\":\"\"}",
          "{\"title\":\"t\",\"size\":1,\"day\":\"-999999999-01-01\"}"
        }) {
      assertThatThrownBy(() -> mapper.readValue(body, Sample.class))
          .as(body)
          .isInstanceOf(MismatchedInputException.class);
    }
    assertThat(
            mapper.readValue("{\"title\":\"t\",\"size\":1,\"day\":\"2024-03-15\"}", Sample.class))
        .isEqualTo(new Sample("t", 1, LocalDate.of(2024, 3, 15)));
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      out.writeBytes(p instanceof byte[] b ? b : ((String) p).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
