package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.FileOrResourceSourceProvider;

class HttpSearchTest {

  private static InputStream json(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The client closes an idle connection long before the archive's embedded configuration (the one
   * {@code bench/search.sh} starts) would: a connection the server has closed is never reused.
   */
  @Test
  void clientClosesIdleConnectionsWellBeforeTheArchiveDoes() throws Exception {
    ArchiveConfiguration embedded =
        new YamlConfigurationFactory<>(
                ArchiveConfiguration.class,
                Validators.newValidator(),
                Jackson.newObjectMapper(),
                "dw")
            .build(
                new SubstitutingSourceProvider(
                    new FileOrResourceSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                FileOrResourceSourceProvider.EMBEDDED);
    var connectors =
        ((DefaultServerFactory) embedded.getServerFactory()).getApplicationConnectors();

    assertThat(connectors).isNotEmpty();
    for (ConnectorFactory c : connectors) {
      Duration serverIdle = ((HttpConnectorFactory) c).getIdleTimeout().toJavaDuration();
      assertThat(HttpSearch.KEEP_ALIVE.multipliedBy(3)).isLessThanOrEqualTo(serverIdle);
    }
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
