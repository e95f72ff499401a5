package vn.tangthu.archive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexConfigTest {

  @Test
  void searchThreadsDefaultToTheMachinesProcessors() {
    assertThat(IndexConfig.defaults().searchThreads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void searchThreadsOutsideOneTo256AreRefused() {
    for (int bad : new int[] {0, -1, 257}) {
      assertThatThrownBy(
              () -> new IndexConfig(null, (String) null, null, null, null, null, bad, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("index.searchThreads");
    }
    assertThat(
            new IndexConfig(null, (String) null, null, null, null, null, 1, null).searchThreads())
        .isEqualTo(1);
  }
}
