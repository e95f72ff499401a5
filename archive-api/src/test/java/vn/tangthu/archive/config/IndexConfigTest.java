package vn.tangthu.archive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

class IndexConfigTest {

  private static ArchiveConfiguration withSearchThreads(int threads) throws Exception {
    return ConfigFiles.yaml("index:\n  searchThreads: " + threads + "\n");
  }

  @Test
  void searchThreadsDefaultToTheMachinesProcessors() {
    assertThat(IndexConfig.defaults().searchThreads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void searchThreadsOutsideOneTo256AreRefused() throws Exception {
    for (int bad : new int[] {0, -1, 257}) {
      assertThatThrownBy(() -> withSearchThreads(bad))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("index.searchThreads");
    }
    assertThat(withSearchThreads(1).getIndex().searchThreads()).isEqualTo(1);
  }
}
