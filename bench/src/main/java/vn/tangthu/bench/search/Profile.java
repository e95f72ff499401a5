package vn.tangthu.bench.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Single-threaded latency per query class: each query of the mix runs once to warm up, then {@code
 * rounds} times; prints mean, p50, p99 and max per class and overall.
 */
final class Profile {

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private Profile() {}

  static String run(SearchEngine engine, List<BenchQuery> mix, int rounds) throws Exception {
    for (BenchQuery q : mix) {
      engine.total(q);
    }
    Map<BenchQuery.Kind, List<Long>> byKind = new EnumMap<>(BenchQuery.Kind.class);
    List<Long> all = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (BenchQuery q : mix) {
        long start = CPU.getCurrentThreadCpuTime();
        engine.total(q);
        long took = CPU.getCurrentThreadCpuTime() - start;
        byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(took);
        all.add(took);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%s, one thread, %d rounds of %d queries, CPU time of the searching thread%n",
            engine.name(), rounds, mix.size()));
    byKind.forEach((kind, took) -> sb.append(line(kind.name(), took)));
    sb.append(line("ALL", all));
    return sb.toString();
  }

  private static String line(String name, List<Long> took) {
    long[] t = took.stream().mapToLong(Long::longValue).sorted().toArray();
    double mean = took.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    return String.format(
        "  %-17s n=%4d  mean %7.2f ms  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n",
        name, t.length, mean, at(t, 0.5), at(t, 0.99), t[t.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
