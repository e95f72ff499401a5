/**
 * Metrics for operators: the archive's own figures ({@code tangthu_*}: records and bytes by status,
 * ingests, the index's lag behind the change log, extraction, evidence, sweeps, imports, checks) in
 * Dropwizard's metric registry, and the whole registry in the Prometheus text format at {@code
 * /metrics} on the admin port.
 */
package vn.tangthu.archive.metrics;
