package vn.tangthu.bench.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes a page image as a scanner would deliver it: an image-only PDF (one lossless image filling
 * an A4 page), or a PNG, TIFF (LZW) or JPEG (quality 0.9) carrying its resolution.
 */
enum PageFiles {
  PDF("pdf"),
  PNG("png"),
  TIFF("tif"),
  JPEG("jpg");

  final String extension;

  PageFiles(String extension) {
    this.extension = extension;
  }

  String mediaType() {
    return switch (this) {
      case PDF -> "application/pdf";
      case PNG -> "image/png";
      case TIFF -> "image/tiff";
      case JPEG -> "image/jpeg";
    };
  }

  void write(BufferedImage image, int dpi, Path file) throws IOException {
    if (this == PDF) {
      writePdf(image, dpi, file);
      return;
    }
    String format = this == TIFF ? "tiff" : name().toLowerCase(Locale.ROOT);
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (this == TIFF) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("LZW");
      } else if (this == JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
      }
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      withDpi(metadata, dpi);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
  }

  private static void withDpi(IIOMetadata metadata, int dpi) throws IIOInvalidTreeException {
    if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
      return;
    }
    double mmPerPixel = 25.4 / dpi;
    IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
    horizontal.setAttribute("value", Double.toString(mmPerPixel));
    IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
    vertical.setAttribute("value", Double.toString(mmPerPixel));
    IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
    dimension.appendChild(horizontal);
    dimension.appendChild(vertical);
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
    root.appendChild(dimension);
    metadata.mergeTree("javax_imageio_1.0", root);
  }

  private static void writePdf(BufferedImage image, int dpi, Path file) throws IOException {
    try (PDDocument document = new PDDocument()) {
      float width = image.getWidth() * 72f / dpi;
      float height = image.getHeight() * 72f / dpi;
      PDPage page = new PDPage(new PDRectangle(width, height));
      document.addPage(page);
      PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(xobject, 0, 0, width, height);
      }
      document.save(file.toFile());
    }
  }

  /** The image as 8-bit grey. */
  static BufferedImage grey(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage grey =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return grey;
  }
}
