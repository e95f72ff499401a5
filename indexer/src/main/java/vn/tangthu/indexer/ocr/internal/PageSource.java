package vn.tangthu.indexer.ocr.internal;

import java.io.Closeable;

/**
 * The pages of one document, prepared one at a time so that at most one page's pixels are held. Not
 * thread-safe: one reader at a time.
 */
public interface PageSource extends Closeable {

  /** Number of pages the document declares (pages beyond the page limit included). */
  int pageCount();

  /**
   * Prepares page {@code number} (1-based, at most {@link #pageCount()}). Never throws for bad
   * content: a page that cannot be decoded is a failed {@link PreparedPage}.
   *
   * @param needsImage false when the engine is absent: only the text layer is read
   */
  PreparedPage prepare(int number, boolean needsImage);

  @Override
  void close();
}
