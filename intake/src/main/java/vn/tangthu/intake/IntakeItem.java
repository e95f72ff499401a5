package vn.tangthu.intake;

import java.io.Closeable;

/**
 * One item of a package: either {@link ReadyItem} (metadata and files, ready for the same ingest
 * path as {@code POST /records}) or {@link FailedItem} (a stable error code and a message).
 *
 * <p>{@link #index()} and {@link #path()} are stable: the same package bytes give the same items at
 * the same indexes, so a job can record results by index and resume at any of them. Close every
 * item (a ready edXML item holds spooled attachments on disk).
 */
public sealed interface IntakeItem extends Closeable permits ReadyItem, FailedItem {

  /** Position in the package's item order, from 0. */
  int index();

  /**
   * Where the item is in the package: the entry's path (for a metadata row, the file it names, or
   * {@code metadata.csv row N} when it names none usable); for a single edXML message the package's
   * name.
   */
  String path();

  /** Releases what the item holds; never throws. */
  @Override
  void close();
}
