package vn.tangthu.indexer.ocr.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;

/**
 * 8-bit grey images as binary PGM ({@code P5}), the cheapest format to hand to an engine through a
 * pipe: no compression work on either side.
 */
public final class Pgm {

  private Pgm() {}

  /** The image as 8-bit grey (the same image when it already is). */
  public static BufferedImage grey(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage grey =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return grey;
  }

  /** The image encoded as binary PGM. */
  public static byte[] encode(BufferedImage image) {
    BufferedImage grey = grey(image);
    int width = grey.getWidth();
    int height = grey.getHeight();
    byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + width * height];
    System.arraycopy(header, 0, out, 0, header.length);
    if (grey.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && grey.getRaster().getSampleModelTranslateX() == 0
        && grey.getRaster().getSampleModelTranslateY() == 0
        && buffer.getData().length == width * height) {
      System.arraycopy(buffer.getData(), 0, out, header.length, width * height);
    } else {
      int[] row = new int[width];
      for (int y = 0; y < height; y++) {
        grey.getRaster().getSamples(0, y, width, 1, 0, row);
        for (int x = 0; x < width; x++) {
          out[header.length + y * width + x] = (byte) row[x];
        }
      }
    }
    return out;
  }
}
