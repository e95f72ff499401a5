package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * A value derived from each open segment's core, computed on first use: segments never change, so
 * it stays valid until the segment is closed, when the entry is dropped. Segments without a core
 * key are computed on every call. Two threads may compute the same value at once; one is kept.
 * Thread-safe.
 *
 * @param <T> the derived value
 */
public final class SegmentCache<T> {

  /** Computes a segment's value. */
  @FunctionalInterface
  public interface Loader<T> {
    T load(LeafReader reader) throws IOException;
  }

  private final Map<Object, T> bySegment = new ConcurrentHashMap<>();
  private final Loader<T> loader;

  public SegmentCache(Loader<T> loader) {
    this.loader = loader;
  }

  /** The segment's value, computed now if it is not cached. */
  public T of(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return loader.load(reader);
    }
    Object key = helper.getKey();
    T cached = bySegment.get(key);
    if (cached == null) {
      cached = loader.load(reader);
      T raced = bySegment.putIfAbsent(key, cached);
      if (raced != null) {
        return raced;
      }
      helper.addClosedListener(bySegment::remove);
    }
    return cached;
  }
}
