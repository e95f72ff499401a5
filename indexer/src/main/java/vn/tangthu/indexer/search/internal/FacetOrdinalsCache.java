package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import org.apache.lucene.index.LeafReader;

/**
 * The {@link FacetOrdinals} of each open segment, decoded on first use: segments never change, so a
 * search folds its counts through arrays instead of decoding thousands of keys. An entry is dropped
 * when its segment is closed. Thread-safe.
 */
public final class FacetOrdinalsCache {

  private final SegmentCache<FacetOrdinals> bySegment = new SegmentCache<>(FacetOrdinals::decode);

  FacetOrdinals of(LeafReader reader) throws IOException {
    return bySegment.of(reader);
  }
}
