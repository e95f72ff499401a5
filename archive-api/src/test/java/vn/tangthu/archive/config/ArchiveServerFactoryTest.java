package vn.tangthu.archive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tangthu.archive.config.ConfigFiles.PRODUCTION;
import static vn.tangthu.archive.config.ConfigFiles.load;
import static vn.tangthu.archive.config.ConfigFiles.yaml;

import io.dropwizard.configuration.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code server:} block of the bundled and the production configuration. */
class ArchiveServerFactoryTest {

  @Test
  void bundledAndProductionConfigurationsTrustNoProxyByDefault() throws Exception {
    for (String path : new String[] {FileOrResourceSourceProvider.EMBEDDED, PRODUCTION}) {
      ArchiveConfiguration c = load(path, Map.of());
      assertThat(c.getServerFactory()).as(path).isInstanceOf(ArchiveServerFactory.class);
      assertThat(c.server().getTrustedProxies()).as(path).isEmpty();
      assertThat(c.server().trustedProxies().isEmpty()).isTrue();
    }
  }

  @Test
  void trustedProxiesComeFromTheEnvironmentAsOneList() throws Exception {
    for (String path : new String[] {FileOrResourceSourceProvider.EMBEDDED, PRODUCTION}) {
      ArchiveConfiguration c =
          load(path, Map.of("ARCHIVE_TRUSTED_PROXIES", "10.0.0.0/8, ::1 192.168.7.7"));
      assertThat(c.server().getTrustedProxies())
          .as(path)
          .containsExactly("10.0.0.0/8", "::1", "192.168.7.7");
    }
  }

  @Test
  void aYamlListAndAnOmittedBlockWorkToo() throws Exception {
    ArchiveConfiguration listed =
        yaml("server:\n  trustedProxies:\n    - 10.1.0.0/16\n    - \"fd00::/8\"\n");
    assertThat(listed.server().getTrustedProxies()).containsExactly("10.1.0.0/16", "fd00::/8");
    assertThat(yaml("dataDir: x\n").getServerFactory()).isInstanceOf(ArchiveServerFactory.class);
    assertThat(yaml("server:\n  type: archive\n").getServerFactory())
        .isInstanceOf(ArchiveServerFactory.class);
  }

  @Test
  void aBadEntryOrAnotherServerTypeStopsTheStart() {
    assertThatThrownBy(() -> yaml("server:\n  trustedProxies: [proxy.example]\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("server.trustedProxies");
    assertThatThrownBy(() -> yaml("server:\n  type: simple\n"))
        .isInstanceOf(ConfigurationException.class);
  }
}
