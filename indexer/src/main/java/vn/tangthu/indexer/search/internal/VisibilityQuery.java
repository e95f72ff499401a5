package vn.tangthu.indexer.search.internal;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import vn.tangthu.indexer.search.Visibility;

/** The visibility rule of {@link Visibility} as a Lucene filter. */
public final class VisibilityQuery {

  private VisibilityQuery() {}

  /** The filter, or null when the caller sees everything. */
  public static Query of(Visibility visibility) {
    if (visibility.everything()) {
      return null;
    }
    BooleanQuery.Builder visible = new BooleanQuery.Builder();
    visible.add(level("PUBLIC"), Occur.SHOULD);
    if (!visibility.agencies().isEmpty()) {
      List<BytesRef> agencies =
          visibility.agencies().stream().map(DocumentMapper::keyword).map(BytesRef::new).toList();
      visible.add(
          both(level("INTERNAL"), new TermInSetQuery(Fields.AGENCY_PATH, agencies)), Occur.SHOULD);
      visible.add(
          both(level("RESTRICTED"), new TermInSetQuery(Fields.AGENCY_CODE, agencies)),
          Occur.SHOULD);
    }
    visible.add(
        both(level("RESTRICTED"), new TermQuery(new Term(Fields.GRANTEES, visibility.username()))),
        Occur.SHOULD);
    visible.setMinimumNumberShouldMatch(1);
    return visible.build();
  }

  private static Query level(String level) {
    return new TermQuery(new Term(Fields.ACCESS_LEVEL, level));
  }

  private static Query both(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build();
  }
}
