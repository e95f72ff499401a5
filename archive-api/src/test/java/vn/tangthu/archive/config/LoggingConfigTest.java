package vn.tangthu.archive.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production logs one JSON object per event and per request (Dropwizard's JSON layouts). */
class LoggingConfigTest {

  private static ArchiveConfiguration production() throws Exception {
    return ConfigFiles.load(ConfigFiles.PRODUCTION, Map.of());
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
