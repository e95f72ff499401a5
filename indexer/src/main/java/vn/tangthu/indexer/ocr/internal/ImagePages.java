package vn.tangthu.indexer.ocr.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;
import vn.tangthu.indexer.ocr.OcrFailure;
import vn.tangthu.indexer.ocr.PageImage;

/**
 * The pages (frames) of an image file (PNG, JPEG, TIFF, BMP, GIF...) through ImageIO. Every page's
 * dimensions are read from its header first and checked against the {@link PixelLimit} before the
 * page is decoded; a truncated or corrupt page (including a JPEG that ends early, which ImageIO
 * only warns about) fails alone. Not thread-safe.
 */
public final class ImagePages implements PageSource {

  private static final double MM_PER_INCH = 25.4;

  private final ImageInputStream input;
  private final ImageReader reader;
  private final PixelLimit limit;
  private final long fileBytes;
  private final int pageCount;
  private final Warnings warnings = new Warnings();

  private ImagePages(
      ImageInputStream input, ImageReader reader, PixelLimit limit, long fileBytes, int maxPages) {
    this.input = input;
    this.reader = reader;
    this.limit = limit;
    this.fileBytes = fileBytes;
    this.pageCount = countPages(reader, maxPages);
    reader.addIIOReadWarningListener(warnings);
  }

  /**
   * Opens an image file; counts at most {@code maxPages + 1} pages (a page count above the limit is
   * reported as {@code maxPages + 1}, the pages after the limit are never parsed).
   *
   * @throws UnreadableException when no ImageIO reader recognises the bytes
   * @throws IOException when the file cannot be read
   */
  public static ImagePages open(Path file, PixelLimit limit, int maxPages) throws IOException {
    long bytes = Files.size(file);
    ImageInputStream input = new FileImageInputStream(file.toFile());
    try {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new UnreadableException(OcrFailure.UNSUPPORTED, "no image reader for this file");
      }
      ImageReader reader = readers.next();
      reader.setInput(input, false, true);
      return new ImagePages(input, reader, limit, bytes, maxPages);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  private static int countPages(ImageReader reader, int maxPages) {
    int count = 0;
    while (count <= maxPages) {
      try {
        reader.getWidth(count);
      } catch (IndexOutOfBoundsException e) {
        break;
      } catch (IOException | RuntimeException e) {
        // a damaged header: the page exists (so that it fails alone when it is prepared)
        return count + 1;
      }
      count++;
    }
    return Math.max(count, 1);
  }

  @Override
  public int pageCount() {
    return pageCount;
  }

  @Override
  public PreparedPage prepare(int number, boolean needsImage) {
    int index = number - 1;
    int width;
    int height;
    try {
      width = reader.getWidth(index);
      height = reader.getHeight(index);
    } catch (IOException | RuntimeException e) {
      return PreparedPage.failed(number, "", OcrFailure.CORRUPT, message(e));
    }
    OcrFailure refused = limit.check(width, height, fileBytes);
    if (refused != null) {
      return PreparedPage.failed(number, "", refused, limit.detail(width, height, fileBytes));
    }
    if (!needsImage) {
      return PreparedPage.toRead(number, "", null);
    }
    try {
      warnings.truncated = false;
      ImageReadParam param = reader.getDefaultReadParam();
      BufferedImage image = reader.read(index, param);
      if (warnings.truncated) {
        return PreparedPage.failed(number, "", OcrFailure.CORRUPT, "image data ends early");
      }
      return PreparedPage.toRead(number, "", new PageImage(image, dpi(index)));
    } catch (IIOException e) {
      return PreparedPage.failed(number, "", OcrFailure.CORRUPT, message(e));
    } catch (IOException | RuntimeException e) {
      return PreparedPage.failed(number, "", OcrFailure.CORRUPT, message(e));
    }
  }

  /** The page's resolution from its metadata (PNG pHYs, TIFF, JFIF), or 0 when unknown. */
  private int dpi(int index) {
    try {
      IIOMetadata metadata = reader.getImageMetadata(index);
      if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
        return 0;
      }
      Node root = metadata.getAsTree("javax_imageio_1.0");
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (!"Dimension".equals(n.getNodeName())) {
          continue;
        }
        for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
          if ("HorizontalPixelSize".equals(d.getNodeName())) {
            Node value = d.getAttributes().getNamedItem("value");
            double mmPerPixel = Double.parseDouble(value.getNodeValue());
            long dpi = Math.round(MM_PER_INCH / mmPerPixel);
            return dpi >= 50 && dpi <= 4800 ? (int) dpi : 0;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static String message(Exception e) {
    String message = e.getMessage();
    return (message == null ? e.getClass().getSimpleName() : message)
        .toLowerCase(Locale.ROOT)
        .strip();
  }

  @Override
  public void close() {
    reader.dispose();
    try {
      input.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  /** Records ImageIO's warning that the data ended before the image was complete. */
  private static final class Warnings implements IIOReadWarningListener {
    boolean truncated;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
      if (w.contains("premature end") || w.contains("truncat") || w.contains("corrupt")) {
        truncated = true;
      }
    }
  }
}
