package vn.tangthu.archive.metrics;

import io.dropwizard.core.setup.Environment;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.servlet.jakarta.exporter.MetricsServlet;

/**
 * Publishes the application's Dropwizard metrics (JVM, Jetty, Jersey, connection pool and the
 * archive's own) in the Prometheus text format at {@code /metrics} on the admin port.
 */
public final class PrometheusMetrics {

  private PrometheusMetrics() {}

  public static void register(Environment env) {
    CollectorRegistry registry = new CollectorRegistry();
    registry.register(new DropwizardExports(env.metrics()));
    env.admin().addServlet("prometheus", new MetricsServlet(registry)).addMapping("/metrics");
  }
}
