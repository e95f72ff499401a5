package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The {@link FacetOrdinals} of each open segment, decoded on first use: segments never change, so a
 * search folds its counts through arrays instead of decoding thousands of keys. An entry is dropped
 * when its segment is closed. Thread-safe.
 */
public final class FacetOrdinalsCache {

  private final Map<Object, FacetOrdinals> bySegment = new ConcurrentHashMap<>();

  FacetOrdinals of(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return FacetOrdinals.decode(reader);
    }
    Object key = helper.getKey();
    FacetOrdinals cached = bySegment.get(key);
    if (cached == null) {
      cached = FacetOrdinals.decode(reader);
      if (bySegment.putIfAbsent(key, cached) == null) {
        helper.addClosedListener(bySegment::remove);
      }
    }
    return cached;
  }

  /** How many segments have their ordinals cached (for tests). */
  int size() {
    return bySegment.size();
  }
}
