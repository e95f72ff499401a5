package vn.tangthu.intake.internal.read;

import java.io.IOException;
import java.util.List;
import vn.tangthu.intake.FailedItem;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.ItemError;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.PackageFormat;
import vn.tangthu.intake.internal.container.Container;
import vn.tangthu.intake.internal.container.Entry;
import vn.tangthu.intake.internal.container.EntryNames;
import vn.tangthu.intake.internal.edxml.EdxmlItems;
import vn.tangthu.intake.internal.io.Magic;

/**
 * An {@code EDXML_BATCH}: one item per file entry of the zip or tar, in the container's order
 * (folders and operating-system clutter are not items). An entry that is not an edXML message
 * (another file, a nested archive, an unsafe path) is a failed item of its own.
 */
final class MessageBatchReader implements FormatReader {

  private final Container container;
  private final EdxmlItems edxml;
  private final List<Entry> items;

  MessageBatchReader(Container container, EdxmlItems edxml) {
    this.container = container;
    this.edxml = edxml;
    this.items =
        container.entries().stream()
            .filter(e -> !e.directory())
            .filter(e -> e.name() == null || !EntryNames.isClutter(e.name()))
            .toList();
  }

  @Override
  public PackageFormat format() {
    return PackageFormat.EDXML_BATCH;
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public IntakeItem read(int index) throws IOException {
    Entry e = items.get(index);
    String path = e.displayName();
    ItemError problem = container.problem(e);
    if (problem != null) {
      return new FailedItem(index, path, problem);
    }
    try {
      byte[] head = container.head(e, Magic.HEAD);
      String archive = Magic.archiveKind(head, head.length, e.name(), null);
      if (archive == null && Magic.isZip(head, head.length)) {
        archive = "zip";
      }
      if (archive != null) {
        return new FailedItem(
            index,
            path,
            ItemErrorCode.NESTED_ARCHIVE,
            path + " is a " + archive + " archive; nested archives are not expanded");
      }
      if (!Magic.looksLikeXml(head, head.length)) {
        return new FailedItem(
            index, path, ItemErrorCode.EDXML_INVALID, path + " is not an XML document");
      }
    } catch (ItemReadException ex) {
      return new FailedItem(index, path, ex.error());
    }
    return edxml.read(index, path, () -> container.open(e), e.size());
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }

  @Override
  public void close() throws IOException {
    container.close();
  }
}
