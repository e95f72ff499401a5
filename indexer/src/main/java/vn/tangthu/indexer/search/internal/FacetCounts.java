package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, over every matching document, the values of sorted-set doc-values fields (agency, type,
 * year). Counting is by per-segment ordinal; ordinals become strings once per segment at the end.
 */
public final class FacetCounts
    implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

  private final List<String> fields;

  public FacetCounts(List<String> fields) {
    this.fields = List.copyOf(fields);
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Map<String, Map<String, Long>> reduce(Collection<Counter> counters) throws IOException {
    Map<String, Map<String, Long>> facets = new HashMap<>();
    for (String field : fields) {
      facets.put(field, new HashMap<>());
    }
    for (Counter counter : counters) {
      for (SegmentCounts segment : counter.segments) {
        for (int f = 0; f < fields.size(); f++) {
          SortedSetDocValues values = DocValues.getSortedSet(segment.reader, fields.get(f));
          long[] counts = segment.counts[f];
          Map<String, Long> target = facets.get(fields.get(f));
          for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
              target.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Long::sum);
            }
          }
        }
      }
    }
    return facets;
  }

  private record SegmentCounts(LeafReader reader, long[][] counts) {}

  /** Collects one search's counts (one instance per searching thread). */
  public final class Counter implements Collector {
    private final List<SegmentCounts> segments = new ArrayList<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafReader reader = context.reader();
      SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
      long[][] counts = new long[fields.size()][];
      for (int f = 0; f < fields.size(); f++) {
        values[f] = DocValues.getSortedSet(reader, fields.get(f));
        counts[f] = new long[(int) values[f].getValueCount()];
      }
      segments.add(new SegmentCounts(reader, counts));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int f = 0; f < values.length; f++) {
            if (values[f].advanceExact(doc)) {
              for (int i = 0; i < values[f].docValueCount(); i++) {
                counts[f][(int) values[f].nextOrd()]++;
              }
            }
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
