package vn.tangthu.indexer.extract;

import java.util.Objects;

/**
 * What extraction made of one document. A failed extraction is a normal result, not an exception:
 * it carries a short reason a clerk can read and whatever was learnt before the failure.
 *
 * @param status DONE when text (possibly empty) was extracted, FAILED otherwise
 * @param reason why it failed (null when DONE), a stable short English sentence
 * @param text the extracted text, never null (empty when FAILED or when the document has none)
 * @param mediaType media type detected from the bytes, e.g. {@code application/pdf}
 * @param language ISO 639-1 code of the detected language, or null when unknown
 * @param pageCount number of pages when the format has pages, else null
 * @param truncated true when the text was cut at the configured limit
 * @param pagesWithoutText pages with next to no text layer ({@value #SCANT_TEXT} characters or
 *     fewer: scans, for OCR), when the format tells (PDF); null when unknown
 */
public record ExtractionResult(
    Status status,
    String reason,
    String text,
    String mediaType,
    String language,
    Integer pageCount,
    boolean truncated,
    Integer pagesWithoutText) {

  /** Characters of text layer at or below which a page counts as without text. */
  public static final int SCANT_TEXT = 100;

  /** Outcome of an extraction. */
  public enum Status {
    DONE,
    FAILED
  }

  public ExtractionResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mediaType, "mediaType");
    if (status == Status.FAILED && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a failed extraction needs a reason");
    }
    if (pagesWithoutText != null && pagesWithoutText < 0) {
      throw new IllegalArgumentException("pagesWithoutText must not be negative");
    }
  }

  /** A result for a format that does not tell which pages have text. */
  public ExtractionResult(
      Status status,
      String reason,
      String text,
      String mediaType,
      String language,
      Integer pageCount,
      boolean truncated) {
    this(status, reason, text, mediaType, language, pageCount, truncated, null);
  }
}
