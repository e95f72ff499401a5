package vn.tangthu.archive.audit;

import java.util.List;

/**
 * A page of the trail, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; null at the end
 */
public record AuditPage(List<AuditEntry> items, String nextCursor) {

  public AuditPage {
    items = List.copyOf(items);
  }
}
