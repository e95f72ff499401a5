package vn.tangthu.bench.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What happens to a page between the printer and the archive, each drawn from the page's own seeded
 * random source. Sizes are in millimetres or points, so a degradation looks the same at every
 * resolution.
 */
enum Degradation {
  /** As printed. */
  CLEAN,
  /** Sensor noise: Gaussian (σ 28 grey levels) and 0.2 % salt-and-pepper pixels. */
  NOISE,
  /** Out of focus: Gaussian blur, σ 0.12 mm (1.4 px at 300 dpi). */
  BLUR,
  /** Fed crooked: rotated by 2° either way. */
  SKEW,
  /** Saved as a low-quality JPEG (quality 0.2) and decoded again. */
  JPEG,
  /**
   * A photocopy: slightly blurred, uneven light, toner contrast curve (strokes thicken, light greys
   * vanish), toner specks, a dark scanner-lid band at one edge, a 0.7° tilt.
   */
  PHOTOCOPY;

  BufferedImage apply(BufferedImage page, int dpi, Random random) {
    return switch (this) {
      case CLEAN -> page;
      case NOISE -> noise(page, random, 28, 0.002);
      case BLUR -> blur(page, 0.12 / 25.4 * dpi);
      case SKEW -> rotate(page, random.nextBoolean() ? 2.0 : -2.0);
      case JPEG -> jpeg(page, 0.2f);
      case PHOTOCOPY -> photocopy(page, dpi, random);
    };
  }

  static BufferedImage noise(BufferedImage page, Random random, double sigma, double saltPepper) {
    BufferedImage out = copy(page);
    WritableRaster r = out.getRaster();
    for (int y = 0; y < r.getHeight(); y++) {
      for (int x = 0; x < r.getWidth(); x++) {
        double v = r.getSample(x, y, 0) + random.nextGaussian() * sigma;
        if (random.nextDouble() < saltPepper) {
          v = random.nextBoolean() ? 0 : 255;
        }
        r.setSample(x, y, 0, clamp(v));
      }
    }
    return out;
  }

  static BufferedImage blur(BufferedImage page, double sigma) {
    int radius = (int) Math.ceil(sigma * 3);
    float[] k = new float[2 * radius + 1];
    float sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    BufferedImage padded = copy(page);
    ConvolveOp horizontal = new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_NO_OP, null);
    ConvolveOp vertical = new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_NO_OP, null);
    return vertical.filter(horizontal.filter(padded, null), null);
  }

  static BufferedImage rotate(BufferedImage page, double degrees) {
    BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), page.getType());
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(
          page,
          AffineTransform.getRotateInstance(
              Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0),
          null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static BufferedImage jpeg(BufferedImage page, float quality) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        writer.write(null, new IIOImage(page, null, null), param);
      } finally {
        writer.dispose();
      }
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      return PageFiles.grey(decoded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage photocopy(BufferedImage page, int dpi, Random random) {
    BufferedImage soft = blur(rotate(page, random.nextBoolean() ? 0.7 : -0.7), 0.05 / 25.4 * dpi);
    WritableRaster r = soft.getRaster();
    int w = r.getWidth();
    int h = r.getHeight();
    int band = PageLayout.px(3 + random.nextDouble() * 3, dpi);
    boolean bandLeft = random.nextBoolean();
    double lightX = random.nextDouble();
    double lightY = random.nextDouble();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = (double) x / w - lightX;
        double dy = (double) y / h - lightY;
        double light = 1.0 - 0.18 * Math.sqrt(dx * dx + dy * dy);
        double v = r.getSample(x, y, 0) * light + random.nextGaussian() * 10;
        v = toner(v);
        boolean inBand = bandLeft ? x < band : x >= w - band;
        if (inBand) {
          v = Math.min(v, 40 + random.nextGaussian() * 15);
        }
        r.setSample(x, y, 0, clamp(v));
      }
    }
    specks(r, random, dpi);
    return soft;
  }

  /** Photocopier contrast: below 120 black, above 185 white, linear in between. */
  private static double toner(double v) {
    if (v < 120) {
      return v * 0.15;
    }
    if (v > 185) {
      return 255;
    }
    return 18 + (v - 120) / 65 * 237;
  }

  /** Small dark blots of toner scattered over the page. */
  private static void specks(WritableRaster r, Random random, int dpi) {
    int count = 150 + random.nextInt(150);
    int max = Math.max(1, PageLayout.px(0.25, dpi));
    for (int i = 0; i < count; i++) {
      int cx = random.nextInt(r.getWidth());
      int cy = random.nextInt(r.getHeight());
      int radius = 1 + random.nextInt(max);
      for (int y = cy - radius; y <= cy + radius; y++) {
        for (int x = cx - radius; x <= cx + radius; x++) {
          if (x >= 0
              && y >= 0
              && x < r.getWidth()
              && y < r.getHeight()
              && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
            r.setSample(x, y, 0, 30);
          }
        }
      }
    }
  }

  private static BufferedImage copy(BufferedImage page) {
    BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), page.getType());
    out.setData(page.getRaster());
    return out;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
