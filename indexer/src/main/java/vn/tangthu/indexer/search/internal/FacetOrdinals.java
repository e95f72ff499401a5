package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;

/**
 * What each {@link FacetKey} ordinal of one segment means: the index of its agency, type and year
 * in the segment's own lists of distinct values.
 *
 * @param ordinalValues for each ordinal, its agency, type and year index
 */
record FacetOrdinals(
    List<String> agencies, List<String> types, List<String> years, int[][] ordinalValues) {

  /** Per-ordinal counts folded into per-value counts: agencies, types, years. */
  long[][] fold(int[] counts) {
    long[][] out = {new long[agencies.size()], new long[types.size()], new long[years.size()]};
    for (int ord = 0; ord < counts.length; ord++) {
      int c = counts[ord];
      if (c > 0) {
        int[] v = ordinalValues[ord];
        out[0][v[0]] += c;
        out[1][v[1]] += c;
        out[2][v[2]] += c;
      }
    }
    return out;
  }

  /** Decodes the ordinals of a segment (see {@link FacetOrdinalsCache} to do it once). */
  static FacetOrdinals decode(LeafReader reader) throws IOException {
    SortedDocValues values = DocValues.getSorted(reader, Fields.FACET_KEY);
    Interner agencies = new Interner();
    Interner types = new Interner();
    Interner years = new Interner();
    int[][] ordinalValues = new int[values.getValueCount()][];
    for (int ord = 0; ord < ordinalValues.length; ord++) {
      FacetKey key = FacetKey.decode(values.lookupOrd(ord));
      ordinalValues[ord] =
          new int[] {
            agencies.index(key.agencyCode()), types.index(key.typeName()), years.index(key.year())
          };
    }
    return new FacetOrdinals(agencies.values, types.values, years.values, ordinalValues);
  }

  private static final class Interner {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int index(String value) {
      return index.computeIfAbsent(
          value,
          v -> {
            values.add(v);
            return values.size() - 1;
          });
    }
  }
}
