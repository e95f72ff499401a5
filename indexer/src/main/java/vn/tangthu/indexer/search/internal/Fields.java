package vn.tangthu.indexer.search.internal;

/** Field names of the index. */
public final class Fields {

  public static final String ID = "id";
  public static final String SUBJECT_EXACT = "subject_x";
  public static final String SUBJECT_FOLDED = "subject_f";
  public static final String TEXT_FOLDED = "text_f";

  /**
   * Subject, metadata and text together, the field every query word must match: per syllable its
   * folded form, its {@link Analysis#EXACT_MARK marked} exact form where that differs, the folded
   * pair it makes with the syllable before it and the folded triple with the two before it (see
   * {@link Analysis#all()}).
   */
  public static final String ALL = "all";

  /** Agency, type and year of a record in one sorted doc value ({@link FacetKey}). */
  public static final String FACET_KEY = "facetKey";

  public static final String DOC_NUMBER = "docnum";
  public static final String OWN_DOC_NUMBER = "docnum_own";
  public static final String AGENCY_CODE = "agencyCode";
  public static final String AGENCY_PATH = "agencyPath";
  public static final String ACCESS_LEVEL = "accessLevel";
  public static final String GRANTEES = "grantees";
  public static final String TYPE_NAME = "typeName";
  public static final String ISSUED_DAY = "issuedDay";
  public static final String YEAR = "year";
  public static final String SIGNATURE_STATUS = "signatureStatus";
  public static final String RETENTION_STATUS = "retentionStatus";
  public static final String STATUS = "status";

  private Fields() {}
}
