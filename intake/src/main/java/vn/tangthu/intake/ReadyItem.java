package vn.tangthu.intake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An item ready to be stored through the same path as {@code POST /records}: {@link #metadata()} as
 * the {@code metadata} part, {@link #file()} as {@code file}, {@link #signature()} as {@code
 * signature}, {@link #attachments()} as the repeated {@code attachment} parts.
 *
 * <p>The files' streams may still fail with {@link ItemReadException} (a limit crossed, a corrupt
 * entry found while reading): the item then fails with that code. Thread-safe; {@link #close()}
 * deletes what the item spooled (decoded edXML attachments), after which its files cannot be
 * opened.
 */
public final class ReadyItem implements IntakeItem {

  private final int index;
  private final String path;
  private final ItemMetadata metadata;
  private final ItemFile file;
  private final ItemFile signature;
  private final List<ItemFile> attachments;
  private final EdxmlMessage edxml;
  private final Runnable release;
  private boolean closed;

  /**
   * @param signature the detached signature, or {@code null}
   * @param edxml the message, for edXML items; {@code null} otherwise
   * @param release run once on {@link #close()}
   */
  public ReadyItem(
      int index,
      String path,
      ItemMetadata metadata,
      ItemFile file,
      ItemFile signature,
      List<ItemFile> attachments,
      EdxmlMessage edxml,
      Runnable release) {
    this.index = index;
    this.path = Objects.requireNonNull(path, "path");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.file = Objects.requireNonNull(file, "file");
    this.signature = signature;
    this.attachments = List.copyOf(attachments);
    this.edxml = edxml;
    this.release = release == null ? () -> {} : release;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public String path() {
    return path;
  }

  public ItemMetadata metadata() {
    return metadata;
  }

  /** The document that becomes the record. */
  public ItemFile file() {
    return file;
  }

  /** A detached CMS signature over {@link #file()}, when the package names one. */
  public Optional<ItemFile> signature() {
    return Optional.ofNullable(signature);
  }

  /** Attachments (phụ lục), in package order; each becomes a record linked to the main one. */
  public List<ItemFile> attachments() {
    return attachments;
  }

  /** The edXML message the item came from, for edXML items. */
  public Optional<EdxmlMessage> edxml() {
    return Optional.ofNullable(edxml);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    release.run();
  }

  @Override
  public String toString() {
    return "ReadyItem[" + index + ", " + path + "]";
  }
}
