package vn.tangthu.archive.metrics;

import io.dropwizard.core.setup.Environment;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.dropwizard.samplebuilder.CustomMappingSampleBuilder;
import io.prometheus.client.dropwizard.samplebuilder.MapperConfig;
import io.prometheus.client.servlet.jakarta.exporter.MetricsServlet;
import java.util.List;
import java.util.Map;

/**
 * Publishes the application's Dropwizard metrics (JVM, Jetty, Jersey, connection pool and the
 * archive's own) in the Prometheus text format at {@code /metrics} on the admin port. The archive's
 * labelled metrics ({@code tangthu_records.ACTIVE}, see {@link ArchiveMetrics}) become one metric
 * with a label each ({@code tangthu_records{status="ACTIVE"}}); every other name is exported as
 * Prometheus' Dropwizard bridge always did.
 */
public final class PrometheusMetrics {

  /** Dropwizard name prefix → the label its last segment becomes. */
  static final Map<String, String> LABELLED =
      Map.of(
          "tangthu_records", "status",
          "tangthu_record_bytes", "status",
          "tangthu_ingest_failures", "kind",
          "tangthu_sweeps", "status",
          "tangthu_imports", "status",
          "tangthu_import_items", "outcome",
          "tangthu_checks", "status");

  private PrometheusMetrics() {}

  public static void register(Environment env) {
    CollectorRegistry registry = new CollectorRegistry();
    registry.register(new DropwizardExports(env.metrics(), sampleBuilder()));
    env.admin().addServlet("prometheus", new MetricsServlet(registry)).addMapping("/metrics");
  }

  static CustomMappingSampleBuilder sampleBuilder() {
    List<MapperConfig> mappings =
        LABELLED.entrySet().stream()
            .map(e -> new MapperConfig(e.getKey() + ".*", e.getKey(), Map.of(e.getValue(), "${0}")))
            .toList();
    return new CustomMappingSampleBuilder(mappings);
  }
}
