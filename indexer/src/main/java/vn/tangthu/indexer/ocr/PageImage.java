package vn.tangthu.indexer.ocr;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One page as pixels, already decoded within the pixel limit.
 *
 * @param image the page; any type (converted to 8-bit grey for the engine)
 * @param dpi its resolution, or 0 when unknown (the engine then estimates it from the text)
 */
public record PageImage(BufferedImage image, int dpi) {

  public PageImage {
    Objects.requireNonNull(image, "image");
    if (dpi < 0 || dpi > 10_000) {
      throw new IllegalArgumentException("dpi must be between 0 and 10000");
    }
  }

  /** Pixels of the page. */
  public long pixels() {
    return (long) image.getWidth() * image.getHeight();
  }
}
