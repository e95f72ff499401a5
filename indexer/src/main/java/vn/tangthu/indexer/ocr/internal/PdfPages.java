package vn.tangthu.indexer.ocr.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.text.PDFTextStripper;
import vn.tangthu.indexer.ocr.OcrFailure;
import vn.tangthu.indexer.ocr.PageImage;

/**
 * The pages of a PDF with PDFBox. A page needs OCR when its text layer is small (fewer than {@value
 * #SUBSTANTIAL_TEXT} letters and digits) and it draws an image over at least a quarter of the page,
 * or has no text at all and paints anything; such a page is rendered in grey at the configured
 * resolution (lowered so that the page fits the pixel limit), without its text layer (that text is
 * kept as it is, so a scanned page with a signature stamp gets both). Every image a page draws is
 * checked against the pixel limit from its dictionary before it is decoded. Not thread-safe.
 */
public final class PdfPages implements PageSource {

  /** A page with at least this many letters and digits in its text layer is not read again. */
  static final int SUBSTANTIAL_TEXT = 100;

  /** Part of the page an image must cover for a page with a little text to be read. */
  static final double SCAN_COVERAGE = 0.25;

  /** Below this resolution a page too large for the pixel limit is refused, not rendered. */
  static final int MIN_DPI = 50;

  private static final float POINTS_PER_INCH = 72f;

  private final PDDocument document;
  private final GuardedRenderer renderer;
  private final PixelLimit limit;
  private final int dpi;

  private PdfPages(PDDocument document, PixelLimit limit, int dpi) {
    this.document = document;
    this.limit = limit;
    this.dpi = dpi;
    this.renderer = new GuardedRenderer(document, limit);
  }

  /**
   * Opens a PDF.
   *
   * @throws UnreadableException when it needs a password or is not a readable PDF
   */
  public static PdfPages open(Path file, PixelLimit limit, int dpi) throws IOException {
    try {
      return new PdfPages(Loader.loadPDF(file.toFile()), limit, dpi);
    } catch (InvalidPasswordException e) {
      throw new UnreadableException(OcrFailure.ENCRYPTED, "the PDF needs a password");
    } catch (IOException | RuntimeException e) {
      throw new UnreadableException(OcrFailure.CORRUPT, "not a readable PDF: " + e.getMessage());
    }
  }

  @Override
  public int pageCount() {
    return document.getNumberOfPages();
  }

  @Override
  public PreparedPage prepare(int number, boolean needsImage) {
    PDPage page;
    String text;
    PageContent content;
    try {
      page = document.getPage(number - 1);
      text = textLayer(number);
      content = PageContent.of(page);
    } catch (IOException | RuntimeException e) {
      return PreparedPage.failed(number, "", OcrFailure.CORRUPT, detail(e));
    }
    if (!needsOcr(text, content)) {
      return PreparedPage.textOnly(number, text);
    }
    if (content.largestImagePixels() > limit.maxPixels()) {
      return PreparedPage.failed(
          number,
          text,
          content.largestImageFailure(limit),
          limit.detail(content.largestImageWidth(), content.largestImageHeight(), -1));
    }
    if (!needsImage) {
      return PreparedPage.toRead(number, text, null);
    }
    return render(page, number, text);
  }

  private PreparedPage render(PDPage page, int number, String text) {
    PDRectangle box = page.getCropBox();
    double inches = (double) box.getWidth() / POINTS_PER_INCH * (box.getHeight() / POINTS_PER_INCH);
    double pixels = inches * dpi * dpi;
    int renderDpi =
        pixels <= limit.maxPixels() ? dpi : (int) Math.floor(Math.sqrt(limit.maxPixels() / inches));
    if (renderDpi < MIN_DPI) {
      long w = Math.round(box.getWidth() / POINTS_PER_INCH * MIN_DPI);
      long h = Math.round(box.getHeight() / POINTS_PER_INCH * MIN_DPI);
      return PreparedPage.failed(number, text, OcrFailure.IMAGE_TOO_LARGE, limit.detail(w, h, -1));
    }
    try {
      BufferedImage image = renderer.render(number - 1, renderDpi, !text.isBlank(), ImageType.GRAY);
      return PreparedPage.toRead(number, text, new PageImage(image, renderDpi));
    } catch (UnreadableException e) {
      return PreparedPage.failed(number, text, e.failure(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      return PreparedPage.failed(number, text, OcrFailure.CORRUPT, detail(e));
    }
  }

  /** Whether a page with this text layer and content must be read from its pixels. */
  static boolean needsOcr(String text, PageContent content) {
    int letters = letters(text);
    if (letters >= SUBSTANTIAL_TEXT) {
      return false;
    }
    return content.imageCoverage() >= SCAN_COVERAGE || (letters == 0 && content.paints());
  }

  private String textLayer(int number) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(number);
    stripper.setEndPage(number);
    return stripper.getText(document).strip();
  }

  private static int letters(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static String detail(Exception e) {
    String message = e.getMessage();
    return (message == null ? e.getClass().getSimpleName() : message)
        .toLowerCase(Locale.ROOT)
        .strip();
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
