package vn.tangthu.archive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/** The {@code server:} block of the bundled and the production configuration. */
class ArchiveServerFactoryTest {

  private static final String PRODUCTION = "../deploy/config/production.yml";

  private static ArchiveConfiguration load(ConfigurationSourceProvider source, String path)
      throws Exception {
    return new YamlConfigurationFactory<>(
            ArchiveConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(source, path);
  }

  /** What production.yml requires from the environment, apart from what a test sets. */
  private static final Map<String, String> REQUIRED =
      Map.of(
          "ARCHIVE_DB_URL", "jdbc:postgresql://db.example:5432/tangthu",
          "ARCHIVE_DB_PASSWORD", "secret",
          "ARCHIVE_S3_ENDPOINT", "https://s3.example:9000",
          "ARCHIVE_S3_ACCESS_KEY", "access",
          "ARCHIVE_S3_SECRET_KEY", "secret-key");

  private static ArchiveConfiguration load(String path, Map<String, String> env) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(REQUIRED);
    all.putAll(env);
    return load(
        new SubstitutingSourceProvider(
            new FileOrResourceSourceProvider(), new StringSubstitutor(all, "${", "}", '$', ":-")),
        path);
  }

  private static ArchiveConfiguration yaml(String text) throws Exception {
    return load(p -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inline.yml");
  }

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
