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
 * plain arrays (nine bytes per document): reading them through Lucene's doc-values iterators costs
 * ten times more per document.
 *
 * @param norms the encoded length norm of {@link Fields#ALL} per document (0 when absent)
 * @param facetKeys the {@link Fields#FACET_KEY} ordinal per document, -1 when absent
 * @param idOrds the {@link Fields#ID} ordinal per document (ordinals follow the ids' order), {@link
 *     Integer#MAX_VALUE} when absent: what breaks ties between equal scores
 */
public record DenseColumns(byte[] norms, int[] facetKeys, int[] idOrds) {

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
    int[] keys = ordinals(reader, Fields.FACET_KEY, -1);
    return new DenseColumns(norms, keys, ordinals(reader, Fields.ID, Integer.MAX_VALUE));
  }

  /** A sorted doc-values field's ordinal per document, {@code absent} where it has none. */
  private static int[] ordinals(LeafReader reader, String field, int absent) throws IOException {
    int[] ords = new int[reader.maxDoc()];
    Arrays.fill(ords, absent);
    SortedDocValues values = DocValues.getSorted(reader, field);
    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
      ords[d] = values.ordValue();
    }
    return ords;
  }
}
