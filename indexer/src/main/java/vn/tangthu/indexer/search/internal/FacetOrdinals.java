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
 * @param agencyOf for each ordinal, the index of its agency
 * @param typeOf for each ordinal, the index of its type
 * @param yearOf for each ordinal, the index of its year
 */
record FacetOrdinals(
    List<String> agencies,
    List<String> types,
    List<String> years,
    int[] agencyOf,
    int[] typeOf,
    int[] yearOf) {

  /** Per-ordinal counts folded into per-value counts: agencies, types, years. */
  long[][] fold(int[] counts) {
    long[][] out = {new long[agencies.size()], new long[types.size()], new long[years.size()]};
    for (int ord = 0; ord < counts.length; ord++) {
      int c = counts[ord];
      if (c > 0) {
        out[0][agencyOf[ord]] += c;
        out[1][typeOf[ord]] += c;
        out[2][yearOf[ord]] += c;
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
    int count = values.getValueCount();
    int[] agencyOf = new int[count];
    int[] typeOf = new int[count];
    int[] yearOf = new int[count];
    for (int ord = 0; ord < count; ord++) {
      FacetKey key = FacetKey.decode(values.lookupOrd(ord));
      agencyOf[ord] = agencies.index(key.agencyCode());
      typeOf[ord] = types.index(key.typeName());
      yearOf[ord] = years.index(key.year());
    }
    return new FacetOrdinals(agencies.values, types.values, years.values, agencyOf, typeOf, yearOf);
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
