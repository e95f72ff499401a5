package vn.tangthu.indexer.extract.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import vn.tangthu.indexer.extract.ExtractionResult;
import vn.tangthu.indexer.text.LegacyVietnamese;

/**
 * One synchronous Tika parse of a local file with the text cap, zip-bomb and embedded-document
 * limits applied; no time limit (callers enforce it). Thread-safe: the parser is shared, every call
 * has its own context and handler.
 */
public final class TikaParsing {

  static final String OCTET_STREAM = "application/octet-stream";
  private static final int MAX_EMBEDDED_DEPTH = 5;
  private static final int MAX_EMBEDDED_DOCUMENTS = 2_000;

  /**
   * Tika's own OCR stays off: with a {@code tesseract} on the PATH it would read every image and
   * every PDF page without text in English only, without page limits, inside the text extraction.
   * Scans are read by {@link vn.tangthu.indexer.ocr.DocumentOcr} instead.
   */
  private static final TesseractOCRConfig NO_OCR = new TesseractOCRConfig();

  private static final PDFParserConfig PDF_WITHOUT_OCR = new PDFParserConfig();

  static {
    NO_OCR.setSkipOcr(true);
    PDF_WITHOUT_OCR.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
  }

  private final AutoDetectParser parser;
  private final Detector detector;
  private final int maxTextChars;

  public TikaParsing(int maxTextChars) {
    TikaConfig config = TikaConfig.getDefaultConfig();
    this.parser = new AutoDetectParser(config);
    this.detector = config.getDetector();
    this.maxTextChars = maxTextChars;
  }

  /** The media type of the file's bytes (name as a hint), without parameters. */
  public String detect(Path file, String fileName) {
    Metadata metadata = metadataFor(fileName);
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return detector.detect(in, metadata).getBaseType().toString();
    } catch (IOException | RuntimeException e) {
      return OCTET_STREAM;
    }
  }

  /** Parses the file; never throws for bad input (Errors such as OutOfMemoryError propagate). */
  public ExtractionResult parse(Path file, String fileName) {
    if (!Files.isReadable(file)) {
      return failed("file not readable", OCTET_STREAM);
    }
    Metadata metadata = metadataFor(fileName);
    BodyContentHandler handler = new BodyContentHandler(maxTextChars);
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    context.set(TesseractOCRConfig.class, NO_OCR);
    context.set(PDFParserConfig.class, PDF_WITHOUT_OCR);
    context.set(
        EmbeddedDocumentExtractor.class,
        new LimitedEmbeddedExtractor(context, MAX_EMBEDDED_DEPTH, MAX_EMBEDDED_DOCUMENTS));
    boolean truncated = false;
    try (TikaInputStream in = TikaInputStream.get(file)) {
      parser.parse(in, handler, metadata, context);
    } catch (ZeroByteFileException e) {
      return done("", mediaType(metadata, file, fileName), null, false);
    } catch (Exception e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else {
        return failed(FailureReasons.of(e), mediaType(metadata, file, fileName));
      }
    }
    return done(handler.toString(), mediaType(metadata, file, fileName), metadata, truncated);
  }

  private ExtractionResult done(
      String rawText, String mediaType, Metadata metadata, boolean truncated) {
    String text = LegacyVietnamese.repair(rawText);
    if (text.length() > maxTextChars) {
      text = text.substring(0, maxTextChars);
      truncated = true;
    }
    return new ExtractionResult(
        ExtractionResult.Status.DONE,
        null,
        text,
        mediaType,
        LanguageGuesser.guess(text),
        metadata == null ? null : pageCount(metadata),
        truncated,
        metadata == null ? null : pagesWithoutText(metadata));
  }

  /** PDF pages with next to no text layer, from Tika's characters per page; null if not told. */
  private static Integer pagesWithoutText(Metadata metadata) {
    String[] perPage = metadata.getValues(PDF.CHARACTERS_PER_PAGE);
    if (perPage == null || perPage.length == 0) {
      return null;
    }
    int scant = 0;
    for (String chars : perPage) {
      try {
        scant += Integer.parseInt(chars.trim()) <= ExtractionResult.SCANT_TEXT ? 1 : 0;
      } catch (NumberFormatException e) {
        scant++;
      }
    }
    return scant;
  }

  static ExtractionResult failed(String reason, String mediaType) {
    return new ExtractionResult(
        ExtractionResult.Status.FAILED, reason, "", mediaType, null, null, false);
  }

  private String mediaType(Metadata metadata, Path file, String fileName) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    if (type != null) {
      MediaType parsed = MediaType.parse(type);
      if (parsed != null) {
        return parsed.getBaseType().toString();
      }
    }
    return detect(file, fileName);
  }

  private static Integer pageCount(Metadata metadata) {
    for (String key : new String[] {PagedText.N_PAGES.getName(), Office.PAGE_COUNT.getName()}) {
      String value = metadata.get(key);
      if (value != null) {
        try {
          int pages = Integer.parseInt(value.trim());
          if (pages >= 0) {
            return pages;
          }
        } catch (NumberFormatException e) {
          // try the next property
        }
      }
    }
    return null;
  }

  private static Metadata metadataFor(String fileName) {
    Metadata metadata = new Metadata();
    if (fileName != null && !fileName.isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName.strip());
    }
    return metadata;
  }

  static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
