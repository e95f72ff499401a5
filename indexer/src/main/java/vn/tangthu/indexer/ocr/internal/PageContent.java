package vn.tangthu.indexer.ocr.internal;

import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import vn.tangthu.indexer.ocr.OcrFailure;

/**
 * What a PDF page draws, found by running its content stream without rendering: the images (their
 * declared size, never decoded) and how much of the page they cover, and whether anything else is
 * painted.
 *
 * @param imageCoverage area of the page covered by images (sum of their areas, at most 1)
 * @param paints whether the page paints anything (images, paths, shadings)
 */
record PageContent(
    double imageCoverage,
    boolean paints,
    long largestImagePixels,
    long largestImageWidth,
    long largestImageHeight) {

  /** The content of a page. */
  static PageContent of(PDPage page) throws IOException {
    Scan scan = new Scan(page);
    scan.processPage(page);
    PDRectangle box = page.getCropBox();
    double pageArea = Math.max(1e-6, (double) box.getWidth() * box.getHeight());
    return new PageContent(
        Math.min(1, scan.imageArea / pageArea),
        scan.paints,
        scan.largestPixels,
        scan.largestWidth,
        scan.largestHeight);
  }

  /** The failure for the largest image when it is over the limit. */
  OcrFailure largestImageFailure(PixelLimit limit) {
    OcrFailure failure = limit.check(largestImageWidth, largestImageHeight, -1);
    return failure == null ? OcrFailure.IMAGE_TOO_LARGE : failure;
  }

  private static final class Scan extends PDFGraphicsStreamEngine {
    double imageArea;
    boolean paints;
    long largestPixels;
    long largestWidth;
    long largestHeight;

    Scan(PDPage page) {
      super(page);
    }

    @Override
    public void drawImage(PDImage image) {
      paints = true;
      long w = image.getWidth();
      long h = image.getHeight();
      long pixels = w <= 0 || h <= 0 ? 0 : multiply(w, h);
      if (pixels > largestPixels) {
        largestPixels = pixels;
        largestWidth = w;
        largestHeight = h;
      }
      Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
      imageArea +=
          Math.abs(
              (double) ctm.getScaleX() * ctm.getScaleY()
                  - (double) ctm.getShearX() * ctm.getShearY());
    }

    private static long multiply(long a, long b) {
      try {
        return Math.multiplyExact(a, b);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void moveTo(float x, float y) {}

    @Override
    public void lineTo(float x, float y) {}

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

    @Override
    public Point2D getCurrentPoint() {
      return new Point2D.Float();
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {}

    @Override
    public void strokePath() {
      paints = true;
    }

    @Override
    public void fillPath(int windingRule) {
      paints = true;
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
      paints = true;
    }

    @Override
    public void shadingFill(COSName shadingName) {
      paints = true;
    }
  }
}
