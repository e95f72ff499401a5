package vn.tangthu.indexer.ocr.internal;

import java.util.Locale;
import vn.tangthu.indexer.ocr.OcrFailure;

/**
 * The per-page pixel cap, checked on dimensions read from headers before anything is decoded. An
 * image over the cap whose compressed size is tiny for its pixel count (more than {@value
 * #BOMB_PIXELS_PER_BYTE} pixels per byte) is reported as a decompression bomb.
 */
public final class PixelLimit {

  static final long BOMB_PIXELS_PER_BYTE = 1000;

  private final long maxPixels;

  public PixelLimit(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  public long maxPixels() {
    return maxPixels;
  }

  /**
   * Null when a {@code width} × {@code height} image stored in {@code compressedBytes} bytes (or
   * fewer; negative when unknown) may be decoded, else the failure.
   */
  public OcrFailure check(long width, long height, long compressedBytes) {
    if (width <= 0 || height <= 0) {
      return OcrFailure.CORRUPT;
    }
    long pixels = multiply(width, height);
    if (pixels <= maxPixels) {
      return null;
    }
    if (compressedBytes >= 0 && pixels / Math.max(1, compressedBytes) > BOMB_PIXELS_PER_BYTE) {
      return OcrFailure.DECOMPRESSION_BOMB;
    }
    return OcrFailure.IMAGE_TOO_LARGE;
  }

  /** The detail for a refused image. */
  public String detail(long width, long height, long compressedBytes) {
    String size =
        String.format(
            Locale.ROOT,
            "%d × %d px (limit %.1f megapixels per page)",
            width,
            height,
            maxPixels / 1e6);
    return compressedBytes >= 0 ? size + " in " + compressedBytes + " bytes" : size;
  }

  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
