package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts every matching document and, through its {@link FacetKey}, the agency, type and year
 * facets: one doc-values lookup per match, counted by per-segment ordinal. Ordinals are folded into
 * the three facets through each segment's {@link FacetOrdinals} (decoded once per segment by the
 * {@link FacetOrdinalsCache}, not per search), and become strings once per distinct value. Needs no
 * scores, so the query it runs with can skip scoring altogether.
 */
public final class FacetCounts
    implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {

  /**
   * The count of matches and the facets.
   *
   * @param facets facet name ({@code agencyCode}, {@code typeName}, {@code year}) → value → count
   */
  public record Result(long total, Map<String, Map<String, Long>> facets) {}

  private final FacetOrdinalsCache ordinals;

  public FacetCounts(FacetOrdinalsCache ordinals) {
    this.ordinals = ordinals;
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Result reduce(Collection<Counter> counters) throws IOException {
    Map<String, Long> agencies = new HashMap<>();
    Map<String, Long> types = new HashMap<>();
    Map<String, Long> years = new HashMap<>();
    long total = 0;
    for (Counter counter : counters) {
      total += counter.total;
      for (SegmentCounts segment : counter.segments) {
        FacetOrdinals ordinals = segment.ordinals();
        long[][] byValue = ordinals.fold(segment.counts());
        addAll(agencies, ordinals.agencies(), byValue[0]);
        addAll(types, ordinals.types(), byValue[1]);
        addAll(years, ordinals.years(), byValue[2]);
      }
    }
    return new Result(
        total, Map.of(Fields.AGENCY_CODE, agencies, Fields.TYPE_NAME, types, Fields.YEAR, years));
  }

  private static void addAll(Map<String, Long> facet, List<String> values, long[] counts) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && !values.get(i).isEmpty()) {
        facet.merge(values.get(i), counts[i], Long::sum);
      }
    }
  }

  private record SegmentCounts(FacetOrdinals ordinals, int[] counts) {}

  /** Collects one search's counts (one instance per searching thread). */
  public final class Counter implements Collector {
    private final List<SegmentCounts> segments = new ArrayList<>();
    private long total;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues values = DocValues.getSorted(context.reader(), Fields.FACET_KEY);
      int[] counts = new int[values.getValueCount()];
      segments.add(new SegmentCounts(ordinals.of(context.reader()), counts));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          total++;
          if (values.advanceExact(doc)) {
            counts[values.ordValue()]++;
          }
        }
      };
    }

    /**
     * Counts a segment whose matches the caller tallies itself: the returned array, indexed by
     * {@link Fields#FACET_KEY} ordinal, is to be incremented once per match, and {@code matches}
     * added through {@link #addMatches}.
     */
    public int[] tallies(LeafReaderContext context) throws IOException {
      int[] counts =
          new int[DocValues.getSorted(context.reader(), Fields.FACET_KEY).getValueCount()];
      segments.add(new SegmentCounts(ordinals.of(context.reader()), counts));
      return counts;
    }

    /** Adds matches tallied through {@link #tallies}. */
    public void addMatches(long matches) {
      total += matches;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
