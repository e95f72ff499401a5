package vn.tangthu.bench.search;

/**
 * One side of the comparison. Implementations are thread-safe: the load runs them from many threads
 * at once.
 */
public interface SearchEngine extends AutoCloseable {

  /** Runs the query (total count, first page of 20, facets where the engine computes them). */
  long total(BenchQuery query) throws Exception;

  String name();

  @Override
  default void close() throws Exception {}
}
