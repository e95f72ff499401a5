package vn.tangthu.intake.internal.table;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the metadata as written: trimmed values, blanks left out.
 *
 * @param label how messages name the row ({@code metadata.csv row 7}, {@code metadata.json item 3})
 * @param shapeError why the row as a whole is unusable (wrong number of columns, a value of the
 *     wrong JSON type), or {@code null}
 * @param attachmentPaths the {@code attachmentPaths}, split at {@code ;} in CSV
 */
public record MetadataRow(
    String label,
    String shapeError,
    Map<MetadataField, String> values,
    List<String> attachmentPaths) {

  public MetadataRow {
    values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
    attachmentPaths = List.copyOf(attachmentPaths);
  }

  public String get(MetadataField field) {
    return values.get(field);
  }
}
