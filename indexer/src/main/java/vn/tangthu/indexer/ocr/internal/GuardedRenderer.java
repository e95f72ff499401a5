package vn.tangthu.indexer.ocr.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * PDFBox rendering that refuses, before decoding, any image over the pixel limit, and can leave out
 * the text (whose text layer is read directly) so only the scanned pixels reach the engine. Not
 * thread-safe.
 */
final class GuardedRenderer extends PDFRenderer {

  private final PixelLimit limit;
  private boolean withoutText;
  private UnreadableException refused;

  GuardedRenderer(PDDocument document, PixelLimit limit) {
    super(document);
    this.limit = limit;
  }

  /** Renders page {@code index} (0-based) at {@code dpi}, without its text when asked. */
  BufferedImage render(int index, float dpi, boolean withoutText, ImageType type)
      throws IOException {
    this.withoutText = withoutText;
    this.refused = null;
    BufferedImage image = renderImageWithDPI(index, dpi, type);
    if (refused != null) {
      throw refused;
    }
    return image;
  }

  @Override
  protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
    return new Drawer(parameters);
  }

  private final class Drawer extends PageDrawer {
    Drawer(PageDrawerParameters parameters) throws IOException {
      super(parameters);
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
      var failure = limit.check(image.getWidth(), image.getHeight(), -1);
      if (failure != null) {
        // PDFBox logs and skips an image whose drawing throws; remember why for the page
        refused =
            new UnreadableException(failure, limit.detail(image.getWidth(), image.getHeight(), -1));
        throw refused;
      }
      super.drawImage(image);
    }

    @Override
    protected void showFontGlyph(Matrix matrix, PDFont font, int code, Vector displacement)
        throws IOException {
      if (!withoutText) {
        super.showFontGlyph(matrix, font, code, displacement);
      }
    }

    @Override
    protected void showType3Glyph(Matrix matrix, PDType3Font font, int code, Vector displacement)
        throws IOException {
      if (!withoutText) {
        super.showType3Glyph(matrix, font, code, displacement);
      }
    }
  }
}
