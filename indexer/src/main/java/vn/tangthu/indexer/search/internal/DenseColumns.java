package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One segment's per-document values that a {@link DenseScan} reads for every posting or match, as
 * plain arrays (five bytes per document): reading them through Lucene's doc-values iterators costs
 * ten times more per document.
 *
 * @param norms the encoded length norm of {@link Fields#ALL} per document (0 when absent)
 * @param facetKeys the {@link Fields#FACET_KEY} ordinal per document, -1 when absent
 */
public record DenseColumns(byte[] norms, int[] facetKeys) {

  /** Reads the columns of a segment. */
  public static DenseColumns load(LeafReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    byte[] norms = new byte[maxDoc];
    NumericDocValues normValues = reader.getNormValues(Fields.ALL);
    if (normValues != null) {
      for (int d = normValues.nextDoc();
          d != DocIdSetIterator.NO_MORE_DOCS;
          d = normValues.nextDoc()) {
        norms[d] = (byte) normValues.longValue();
      }
    }
    int[] keys = new int[maxDoc];
    Arrays.fill(keys, -1);
    SortedDocValues keyValues = DocValues.getSorted(reader, Fields.FACET_KEY);
    for (int d = keyValues.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = keyValues.nextDoc()) {
      keys[d] = keyValues.ordValue();
    }
    return new DenseColumns(norms, keys);
  }
}
