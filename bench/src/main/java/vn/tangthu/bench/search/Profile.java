package vn.tangthu.bench.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Single-threaded latency per query class: each query of the mix runs once to warm up, then {@code
 * rounds} times; prints mean, p50, p99 and max per class and overall, then the queries with the
 * highest mean (where the tail comes from).
 */
final class Profile {

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static final int SLOWEST = 12;

  private Profile() {}

  static String run(SearchEngine engine, List<BenchQuery> mix, int rounds) throws Exception {
    for (BenchQuery q : mix) {
      engine.total(q);
    }
    Map<BenchQuery.Kind, List<Long>> byKind = new EnumMap<>(BenchQuery.Kind.class);
    List<Long> all = new ArrayList<>();
    long[] perQuery = new long[mix.size()];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < mix.size(); i++) {
        BenchQuery q = mix.get(i);
        long start = CPU.getCurrentThreadCpuTime();
        engine.total(q);
        long took = CPU.getCurrentThreadCpuTime() - start;
        byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(took);
        all.add(took);
        perQuery[i] += took;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%s, one thread, %d rounds of %d queries, CPU time of the searching thread%n",
            engine.name(), rounds, mix.size()));
    byKind.forEach((kind, took) -> sb.append(line(kind.name(), took)));
    sb.append(line("ALL", all));
    sb.append(slowest(mix, perQuery, rounds));
    return sb.toString();
  }

  private static String slowest(List<BenchQuery> mix, long[] perQuery, int rounds) {
    StringBuilder sb = new StringBuilder("slowest queries (mean CPU time):\n");
    IntStream.range(0, mix.size())
        .boxed()
        .sorted(Comparator.comparingLong((Integer i) -> perQuery[i]).reversed())
        .limit(SLOWEST)
        .forEach(
            i ->
                sb.append(
                    String.format(
                        "  %7.2f ms  %-16s %s%n",
                        perQuery[i] / 1e6 / rounds, mix.get(i).kind(), mix.get(i).httpQuery())));
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
