package vn.tangthu.indexer.ocr.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import vn.tangthu.indexer.ocr.PageImage;

/**
 * Straightens a page fed crooked. The angle is found by projection profile: the dark pixels of the
 * page (sampled on a grid about 1,200 points wide) are projected on the vertical axis at every
 * angle from -{@value #MAX_DEGREES}° to {@value #MAX_DEGREES}° in steps of {@value #STEP}°; text
 * lines fall into the fewest rows, so the sum of squares of the row counts peaks at the page's
 * skew. Pages skewed less than {@value #MIN_DEGREES}° are left as they are. Pure, thread-safe.
 */
public final class Deskew {

  static final double MAX_DEGREES = 4;
  static final double STEP = 0.1;
  static final double MIN_DEGREES = 0.15;
  private static final int DARK = 128;
  private static final int GRID = 1_200;

  private Deskew() {}

  /** The page straightened (in 8-bit grey), or the same page when it is straight. */
  public static PageImage straighten(PageImage page) {
    BufferedImage grey = Pgm.grey(page.image());
    double angle = angle(grey);
    if (Math.abs(angle) < MIN_DEGREES) {
      return grey == page.image() ? page : new PageImage(grey, page.dpi());
    }
    return new PageImage(rotate(grey, -angle), page.dpi());
  }

  /** The skew of the page in degrees (clockwise positive). */
  static double angle(BufferedImage grey) {
    int step = Math.max(1, grey.getWidth() / GRID);
    Raster r = grey.getRaster();
    int cols = r.getWidth() / step + 1;
    int rows = r.getHeight() / step + 1;
    int[] xs = new int[cols * rows];
    int[] ys = new int[cols * rows];
    int n = 0;
    for (int y = 0; y < r.getHeight(); y += step) {
      for (int x = 0; x < r.getWidth(); x += step) {
        if (r.getSample(x, y, 0) < DARK) {
          xs[n] = x / step;
          ys[n] = y / step;
          n++;
        }
      }
    }
    int offset = cols + 1;
    int[] histogram = new int[rows + 2 * offset];
    double best = 0;
    double bestScore = -1;
    int steps = (int) Math.round(MAX_DEGREES / STEP);
    for (int k = -steps; k <= steps; k++) {
      double radians = Math.toRadians(k * STEP);
      double sin = Math.sin(radians);
      double cos = Math.cos(radians);
      java.util.Arrays.fill(histogram, 0);
      for (int i = 0; i < n; i++) {
        histogram[(int) Math.round(ys[i] * cos - xs[i] * sin) + offset]++;
      }
      double score = 0;
      for (int h : histogram) {
        score += (double) h * h;
      }
      if (score > bestScore) {
        bestScore = score;
        best = k * STEP;
      }
    }
    return best;
  }

  private static BufferedImage rotate(BufferedImage grey, double degrees) {
    BufferedImage out =
        new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(
          grey,
          AffineTransform.getRotateInstance(
              Math.toRadians(degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0),
          null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
