package vn.tangthu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
  @ParameterizedTest
  @CsvSource({
    "'',secret-123",
    "ab,secret-123",
    "'   ',secret-123",
    "good-key,short",
    "good-key,'        '",
    "has space,secret-123"
  })
  void invalidCredentialsAreRefused(String access, String secret) {
    assertThatThrownBy(() -> new Credentials(access, secret))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void credentialsNeverPrintTheSecret() {
    assertThat(new Credentials("abc", "supersecret").toString()).doesNotContain("supersecret");
  }

  @Test
  void configDefaultsRegionAndRefusesDuplicatesAndBadPorts() {
    Credentials c = new Credentials("abc", "secret-123");
    assertThat(StorageNodeConfig.loopback(Path.of("x"), 0, c).region()).isEqualTo("us-east-1");
    assertThat(StorageNodeConfig.loopback(Path.of("x"), 0, c).host()).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> new StorageNodeConfig(Path.of("x"), "h", 0, List.of(c, c), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StorageNodeConfig(Path.of("x"), "h", 70000, List.of(c), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StorageNodeConfig(Path.of("x"), "h", 1, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
