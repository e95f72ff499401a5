package vn.tangthu.indexer.extract;

import java.nio.file.Path;

/**
 * Extracts text from one document. Implementations are thread-safe and never let a hostile or
 * broken document crash, hang or exhaust the caller: bad input yields a FAILED result.
 */
public interface TextExtractor extends AutoCloseable {

  /**
   * Extracts the text of a local file.
   *
   * @param file the document's bytes, readable for the duration of the call
   * @param fileName the name the client gave the file (a hint only; may be null)
   * @return the result, never null; FAILED with a reason for unreadable, encrypted, corrupt or
   *     over-limit documents
   */
  ExtractionResult extract(Path file, String fileName);

  /**
   * Detects the media type of a local file from its bytes (the name is only a hint for formats
   * whose bytes are ambiguous), e.g. {@code application/pdf}. Never throws for bad input: answers
   * {@code application/octet-stream} when nothing better is known.
   */
  String detectMediaType(Path file, String fileName);

  @Override
  void close();
}
