package vn.tangthu.archive.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * One item's result as {@code GET /imports/{id}/items} shows it: {@code recordId} for IMPORTED (the
 * record made) and DUPLICATE (the record already there), {@code code} and {@code message} for
 * FAILED (and the rule that found a DUPLICATE).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportItemView(
    int index, String path, String status, UUID recordId, String code, String message) {

  /** A page of items in index order. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Page(List<ImportItemView> items, String nextCursor) {}

  static ImportItemView of(ImportDao.ItemRow r, boolean vietnamese) {
    String message = vietnamese && r.messageVi() != null ? r.messageVi() : r.message();
    return new ImportItemView(r.idx(), r.path(), r.status(), r.recordId(), r.code(), message);
  }
}
