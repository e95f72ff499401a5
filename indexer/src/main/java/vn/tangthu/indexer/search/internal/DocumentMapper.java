package vn.tangthu.indexer.search.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import vn.tangthu.indexer.search.IndexDocument;
import vn.tangthu.indexer.text.VietnameseText;

/** Turns an {@link IndexDocument} into the Lucene document of the index layout. */
public final class DocumentMapper {

  /** Analysed, not stored (exact syllables). */
  static final FieldType EXACT = analysed(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  /** Analysed with offsets for highlighting, storing the original value. */
  static final FieldType FOLDED_STORED =
      analysed(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /** Analysed, not stored (every form of every syllable: {@link Fields#ALL}). */
  static final FieldType ALL = analysed(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  private DocumentMapper() {}

  private static FieldType analysed(boolean stored, IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(stored);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  /** Keyword values are NFC and trimmed, so NFD and NFC spellings of a type name are one value. */
  public static String keyword(String value) {
    return value == null ? null : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
  }

  /** Access levels and statuses are compared in upper case. */
  public static String code(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  public static Document toDocument(IndexDocument d) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, d.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(d.id())));

    String subject = nullToEmpty(d.subject());
    doc.add(new Field(Fields.SUBJECT_EXACT, subject, EXACT));
    doc.add(new Field(Fields.SUBJECT_FOLDED, subject, FOLDED_STORED));
    doc.add(new Field(Fields.TEXT_FOLDED, d.text(), FOLDED_STORED));
    doc.add(new Field(Fields.ALL, subject, ALL));
    for (String meta :
        new String[] {
          d.keywords(),
          d.description(),
          d.issuer(),
          d.typeName(),
          numberAndNotation(d),
          d.docCode(),
          d.fileCode()
        }) {
      if (meta != null && !meta.isBlank()) {
        doc.add(new Field(Fields.ALL, meta, ALL));
      }
    }
    doc.add(new Field(Fields.ALL, d.text(), ALL));
    String own = ownDocNumber(d);
    if (!own.isEmpty()) {
      doc.add(new StringField(Fields.OWN_DOC_NUMBER, own, Field.Store.NO));
    }
    for (String number : citedDocNumbers(d)) {
      doc.add(new StringField(Fields.DOC_NUMBER, number, Field.Store.NO));
    }

    String agency = keyword(d.agencyCode());
    doc.add(new StringField(Fields.AGENCY_CODE, agency, Field.Store.NO));
    for (String ancestor : new LinkedHashSet<>(d.agencyPath())) {
      doc.add(new StringField(Fields.AGENCY_PATH, keyword(ancestor), Field.Store.NO));
    }
    if (!d.agencyPath().contains(d.agencyCode())) {
      doc.add(new StringField(Fields.AGENCY_PATH, agency, Field.Store.NO));
    }
    for (String grantee : new LinkedHashSet<>(d.grantees())) {
      doc.add(new StringField(Fields.GRANTEES, grantee, Field.Store.NO));
    }
    keywordWithDocValues(doc, Fields.ACCESS_LEVEL, code(d.accessLevel()));
    keywordWithDocValues(doc, Fields.SIGNATURE_STATUS, code(d.signatureStatus()));
    keywordWithDocValues(doc, Fields.RETENTION_STATUS, code(d.retentionStatus()));
    keywordWithDocValues(doc, Fields.STATUS, code(d.status()));

    String typeName = keyword(d.typeName());
    if (typeName != null && !typeName.isEmpty()) {
      doc.add(new StringField(Fields.TYPE_NAME, typeName, Field.Store.NO));
    }
    String year = null;
    if (d.issuedDate() != null) {
      long day = d.issuedDate().toEpochDay();
      doc.add(new LongPoint(Fields.ISSUED_DAY, day));
      doc.add(new NumericDocValuesField(Fields.ISSUED_DAY, day));
      year = Integer.toString(d.issuedDate().getYear());
    }
    doc.add(
        new SortedDocValuesField(Fields.FACET_KEY, new FacetKey(agency, typeName, year).encode()));
    doc.add(new BinaryDocValuesField(HitData.FIELD, HitData.encode(d)));
    return doc;
  }

  /** "number/notation" as written, or whichever of the two is present, or null. */
  static String numberAndNotation(IndexDocument d) {
    String number = d.number() == null ? "" : d.number().strip();
    String notation = d.notation() == null ? "" : d.notation().strip();
    if (!number.isEmpty() && !notation.isEmpty()) {
      return number + "/" + notation;
    }
    String either = number.isEmpty() ? notation : number;
    return either.isEmpty() ? null : either;
  }

  /** The canonical number of the record itself, or "". */
  static String ownDocNumber(IndexDocument d) {
    String written = numberAndNotation(d);
    return written == null ? "" : VietnameseText.docNumber(written);
  }

  /** The numbers cited in the record's subject and text. */
  static Set<String> citedDocNumbers(IndexDocument d) {
    Set<String> numbers = new LinkedHashSet<>();
    numbers.addAll(VietnameseText.docNumbers(d.subject()));
    numbers.addAll(VietnameseText.docNumbers(d.text()));
    numbers.remove("");
    return numbers;
  }

  private static void keywordWithDocValues(Document doc, String field, String value) {
    if (value != null && !value.isEmpty()) {
      doc.add(new StringField(field, value, Field.Store.NO));
      doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
