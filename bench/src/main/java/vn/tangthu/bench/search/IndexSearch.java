package vn.tangthu.bench.search;

import java.io.IOException;
import java.nio.file.Path;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.indexer.search.SearchRequest;
import vn.tangthu.indexer.search.Visibility;

/**
 * The archive's Lucene index searched in-process (no HTTP, no JSON), as the server's search
 * resource does: the same {@link SearchRequest} for the same {@link BenchQuery}, all records
 * visible. Thread-safe (the index is).
 */
public final class IndexSearch implements SearchEngine {

  private final SearchIndex index;

  private IndexSearch(SearchIndex index) {
    this.index = index;
  }

  /** Opens the index directory of a prepared data directory (no server may hold it). */
  public static IndexSearch open(Path dataDir) throws IOException {
    return new IndexSearch(SearchIndex.open(dataDir.resolve("index")));
  }

  @Override
  public long total(BenchQuery query) throws IOException {
    return index.search(request(query), Visibility.all()).total();
  }

  static SearchRequest request(BenchQuery q) {
    return new SearchRequest(
        q.q(),
        q.agencyCode(),
        q.typeName(),
        q.issuedFrom(),
        q.issuedTo(),
        null,
        null,
        q.filterOnly() ? SearchRequest.Sort.ISSUED_DATE_DESC : SearchRequest.Sort.RELEVANCE,
        20,
        null);
  }

  @Override
  public String name() {
    return "index (in-process)";
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
