package vn.tangthu.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tangthu.archive.error.ApiException;

class ImportOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ImportOptions read(String json) throws Exception {
    return ImportOptions.read(
        JSON, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheFourDefaultsAndStoresThemInAFixedOrder() throws Exception {
    ImportOptions o =
        read(
            "{\"fileCode\":\" HS-1 \",\"seriesCode\":\"S-10\",\"accessLevel\":\"PUBLIC\","
                + "\"agencyCode\":\"BN\"}");
    assertThat(o).isEqualTo(new ImportOptions("BN", "PUBLIC", "S-10", "HS-1"));
    String stored = o.toJson(JSON);
    assertThat(stored)
        .isEqualTo(
            "{\"agencyCode\":\"BN\",\"accessLevel\":\"PUBLIC\",\"seriesCode\":\"S-10\","
                + "\"fileCode\":\"HS-1\"}");
    assertThat(ImportOptions.fromJson(JSON, stored)).isEqualTo(o);
    assertThat(o.defaults().agencyCode()).isEqualTo("BN");
  }

  @Test
  void emptyAndNullMeanNoDefaults() throws Exception {
    assertThat(read("{}")).isEqualTo(ImportOptions.NONE);
    assertThat(read("null")).isEqualTo(ImportOptions.NONE);
    assertThat(read("{\"agencyCode\":null,\"seriesCode\":\"  \"}")).isEqualTo(ImportOptions.NONE);
    assertThat(ImportOptions.NONE.toJson(JSON)).isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"agency\":\"BN\"}",
        "{\"agencyCode\":7}",
        "{\"agencyCode\":[\"BN\"]}",
        "{\"accessLevel\":\"SECRET\"}",
        "[\"BN\"]",
        "{\"agencyCode\":",
        "\"BN\""
      })
  void anythingElseIsABadRequestNamingTheOptionsPart(String json) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_REQUEST");
              assertThat(e.extra()).containsEntry("part", "options");
            });
  }

  @Test
  void overSixtyFourKibibytesIsRefused() {
    String big = "{\"seriesCode\":\"" + "x".repeat(70_000) + "\"}";
    assertThatThrownBy(() -> read(big)).hasMessageContaining("64 KiB");
  }
}
