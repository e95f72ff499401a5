package vn.tangthu.archive.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/** Production logs one JSON object per event and per request (Dropwizard's JSON layouts). */
class LoggingConfigTest {

  private static final Map<String, String> REQUIRED =
      Map.of(
          "ARCHIVE_DB_URL", "jdbc:postgresql://db.example:5432/tangthu",
          "ARCHIVE_DB_PASSWORD", "secret",
          "ARCHIVE_S3_ENDPOINT", "https://s3.example:9000",
          "ARCHIVE_S3_ACCESS_KEY", "access",
          "ARCHIVE_S3_SECRET_KEY", "secret-key");

  private static ArchiveConfiguration production() throws Exception {
    return new YamlConfigurationFactory<>(
            ArchiveConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(
            new SubstitutingSourceProvider(
                new FileOrResourceSourceProvider(),
                new StringSubstitutor(REQUIRED, "${", "}", '$', ":-")),
            "../deploy/config/production.yml");
  }

  @Test
  void productionLogsEventsAsJson() throws Exception {
    var logging = (DefaultLoggingFactory) production().getLoggingFactory();
    assertThat(logging.getAppenders()).hasSize(1);
    var console = (ConsoleAppenderFactory<?>) logging.getAppenders().get(0);
    assertThat(console.getLayout()).isInstanceOf(EventJsonLayoutBaseFactory.class);
  }

  @Test
  void productionLogsEveryRequestAsJson() throws Exception {
    var requests = (LogbackAccessRequestLogFactory) production().server().getRequestLogFactory();
    assertThat(requests.isEnabled()).isTrue();
    assertThat(requests.getAppenders()).hasSize(1);
    var console = (ConsoleAppenderFactory<?>) requests.getAppenders().get(0);
    assertThat(console.getLayout()).isInstanceOf(AccessJsonLayoutBaseFactory.class);
  }
}
