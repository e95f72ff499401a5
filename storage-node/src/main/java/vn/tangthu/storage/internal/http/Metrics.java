package vn.tangthu.storage.internal.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request, byte and error counters, rendered in the Prometheus text format. Thread-safe. */
public final class Metrics {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();

  public void request(String operation) {
    requests.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  public void error(String code) {
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  public void bytesIn(long n) {
    bytesIn.add(n);
  }

  public void bytesOut(long n) {
    bytesOut.add(n);
  }

  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP storage_requests_total S3 requests by operation.\n");
    sb.append("# TYPE storage_requests_total counter\n");
    new TreeMap<>(requests)
        .forEach(
            (k, v) ->
                sb.append("storage_requests_total{operation=\"")
                    .append(k)
                    .append("\"} ")
                    .append(v.sum())
                    .append('\n'));
    sb.append("# HELP storage_errors_total S3 error answers by code.\n");
    sb.append("# TYPE storage_errors_total counter\n");
    new TreeMap<>(errors)
        .forEach(
            (k, v) ->
                sb.append("storage_errors_total{code=\"")
                    .append(k)
                    .append("\"} ")
                    .append(v.sum())
                    .append('\n'));
    sb.append("# HELP storage_received_bytes_total Object bytes received.\n");
    sb.append("# TYPE storage_received_bytes_total counter\n");
    sb.append("storage_received_bytes_total ").append(bytesIn.sum()).append('\n');
    sb.append("# HELP storage_sent_bytes_total Object bytes sent.\n");
    sb.append("# TYPE storage_sent_bytes_total counter\n");
    sb.append("storage_sent_bytes_total ").append(bytesOut.sum()).append('\n');
    return sb.toString();
  }
}
