package vn.tangthu.intake.internal.read;

import java.time.LocalDate;
import vn.tangthu.intake.ImportDefaults;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemMetadata;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.ItemSource;
import vn.tangthu.intake.internal.Dates;
import vn.tangthu.intake.internal.table.MetadataField;
import vn.tangthu.intake.internal.table.MetadataRow;

/** The metadata of a row, or of a file no row names, with the package's defaults applied. */
final class RowMetadata {

  private RowMetadata() {}

  /**
   * @throws ItemReadException {@code INVALID_METADATA} for a date that is not one, naming the row
   *     and column
   */
  static ItemMetadata of(MetadataRow row, ImportDefaults d) throws ItemReadException {
    return new ItemMetadata(
        or(row.get(MetadataField.AGENCY_CODE), d.agencyCode()),
        row.get(MetadataField.SUBJECT),
        row.get(MetadataField.TYPE_NAME),
        row.get(MetadataField.NUMBER),
        row.get(MetadataField.NOTATION),
        date(row, MetadataField.ISSUED_DATE),
        row.get(MetadataField.ISSUER),
        or(row.get(MetadataField.FILE_CODE), d.fileCode()),
        row.get(MetadataField.DOC_CODE),
        row.get(MetadataField.LANGUAGE),
        or(row.get(MetadataField.ACCESS_LEVEL), d.accessLevel()),
        row.get(MetadataField.CONFIDENCE),
        row.get(MetadataField.KEYWORDS),
        row.get(MetadataField.DESCRIPTION),
        or(row.get(MetadataField.SERIES_CODE), d.seriesCode()),
        date(row, MetadataField.WORK_END_DATE),
        ItemSource.IMPORT);
  }

  /** A file that no row names: the defaults, and its file name as the subject. */
  static ItemMetadata unnamed(String fileName, ImportDefaults d) {
    return new ItemMetadata(
        d.agencyCode(),
        fileName,
        null,
        null,
        null,
        null,
        null,
        d.fileCode(),
        null,
        null,
        d.accessLevel(),
        null,
        null,
        null,
        d.seriesCode(),
        null,
        ItemSource.IMPORT);
  }

  private static LocalDate date(MetadataRow row, MetadataField f) throws ItemReadException {
    String text = row.get(f);
    if (text == null) {
      return null;
    }
    return Dates.parse(text)
        .orElseThrow(
            () ->
                new ItemReadException(
                    ItemErrorCode.INVALID_METADATA,
                    row.label()
                        + ": "
                        + f.wire()
                        + " '"
                        + text
                        + "' is not a date ("
                        + Dates.FORMS
                        + ")"));
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
