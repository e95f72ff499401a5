package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import vn.tangthu.indexer.search.IndexDocument;
import vn.tangthu.indexer.search.SearchHit;

/**
 * The data a hit shows, kept in one binary doc-values field so that building a result page never
 * decompresses the stored (possibly huge) text of the hits.
 */
public final class HitData {

  static final String FIELD = "hit";

  private HitData() {}

  static BytesRef encode(IndexDocument d) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    for (String s :
        new String[] {
          d.id(),
          d.subject(),
          DocumentMapper.keyword(d.typeName()),
          d.number(),
          d.notation(),
          d.issuer(),
          DocumentMapper.keyword(d.agencyCode())
        }) {
      out.writeByte((byte) (s == null ? 0 : 1));
      if (s != null) {
        out.writeString(s);
      }
    }
    out.writeLong(d.issuedDate() == null ? Long.MIN_VALUE : d.issuedDate().toEpochDay());
    return new BytesRef(out.toArrayCopy());
  }

  /** The hit for a top-level doc id. */
  public static SearchHit read(IndexSearcher searcher, int doc, float score, List<String> marks)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(FIELD);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("document without hit data: " + doc);
    }
    BytesRef bytes = values.binaryValue();
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    String[] s = new String[7];
    for (int i = 0; i < s.length; i++) {
      s[i] = in.readByte() == 0 ? null : in.readString();
    }
    long day = in.readLong();
    return new SearchHit(
        s[0],
        s[1],
        s[2],
        s[3],
        s[4],
        s[5],
        day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day),
        s[6],
        score,
        marks);
  }
}
