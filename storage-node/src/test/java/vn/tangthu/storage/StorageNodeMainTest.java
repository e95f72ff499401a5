package vn.tangthu.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageNodeMainTest {
  private static final Map<String, String> KEYS =
      Map.of("STORAGE_ACCESS_KEY", "main-key", "STORAGE_SECRET_KEY", "main-secret-123");

  @Test
  void hostDefaultsToLoopbackAndTheLogSaysWhatIsBound() {
    StorageNodeConfig config = StorageNodeMain.config(KEYS);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(StorageNodeMain.listening(config, 9000))
        .startsWith("storage node listening on http://127.0.0.1:9000 ");
  }

  @Test
  void everyInterfaceOnlyWhenAskedAndTheLogSaysSo() {
    var env = new java.util.HashMap<>(KEYS);
    env.put("STORAGE_HOST", "0.0.0.0");
    StorageNodeConfig config = StorageNodeMain.config(env);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(StorageNodeMain.listening(config, 9000))
        .startsWith("storage node listening on http://0.0.0.0:9000 (every interface)");
  }

  @Test
  void standaloneNodeBindsLoopbackByDefault() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("storage-main");
    var env = new java.util.HashMap<>(KEYS);
    env.put("STORAGE_PORT", "0");
    env.put("STORAGE_DATA_DIR", dir.toString());
    try (StorageNode node = StorageNode.start(StorageNodeMain.config(env))) {
      assertThat(node.boundHost()).isEqualTo("127.0.0.1");
    } finally {
      try (var files = java.nio.file.Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
