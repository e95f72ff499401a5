package vn.tangthu.indexer.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned pages made in the test: Vietnamese lines drawn at 300 dpi in Liberation Sans (the face
 * PDFBox ships, which has every Vietnamese letter, so no system font is needed), written as PNG or
 * as an image-only PDF page; PDFs mixing text and scanned pages; hostile PNG files.
 */
public final class ScannedPages {

  public static final int DPI = 300;

  /** Lines of a decision, with every Vietnamese vowel quality and tone among them. */
  public static final List<String> LINES =
      List.of(
          "Điều 1. Phê duyệt kế hoạch chuyển đổi số của tỉnh Bắc Ninh",
          "giai đoạn 2024 - 2025, định hướng đến năm 2030.",
          "Điều 2. Sở Thông tin và Truyền thông chủ trì, phối hợp với",
          "các sở, ngành, Ủy ban nhân dân cấp huyện tổ chức thực hiện;",
          "hướng dẫn, kiểm tra, đôn đốc việc lưu trữ hồ sơ điện tử.");

  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private ScannedPages() {}

  /** The ground truth of {@link #LINES}: the lines joined by spaces. */
  public static String truth() {
    return String.join(" ", LINES);
  }

  /** The lines drawn black on white, 12 pt, in 8-bit grey at {@link #DPI}. */
  public static BufferedImage page(List<String> lines) {
    float size = 12f * DPI / 72f;
    int width = (int) (7.0 * DPI);
    int height = (int) (lines.size() * size * 1.5 + DPI);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font().deriveFont(size));
      float y = DPI / 2f + size;
      for (String line : lines) {
        g.drawString(line, DPI / 2f, y);
        y += size * 1.5f;
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static Font font() {
    try (InputStream in = ScannedPages.class.getResourceAsStream(FONT)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #LINES} as a PNG file. */
  public static Path png(Path file) throws IOException {
    ImageIO.write(page(LINES), "png", file.toFile());
    return file;
  }

  /** {@link #LINES} as a one-page image-only PDF. */
  public static Path imagePdf(Path file) throws IOException {
    try (PDDocument document = new PDDocument()) {
      addScan(document, page(LINES));
      document.save(file.toFile());
    }
    return file;
  }

  /**
   * A PDF whose page 1 has {@code textPage} as a text layer and whose page 2 is a scan of {@link
   * #LINES} carrying the small visible text {@code stamp} (as a digital signature's appearance
   * does).
   */
  public static Path mixedPdf(Path file, String textPage, String stamp) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = PDType0Font.load(document, ScannedPages.class.getResourceAsStream(FONT));
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        writeText(content, font, textPage, 72, 770);
      }
      PDPage scan = addScan(document, page(LINES));
      try (PDPageContentStream content =
          new PDPageContentStream(document, scan, PDPageContentStream.AppendMode.APPEND, true)) {
        writeText(content, font, stamp, 20, 20);
      }
      document.save(file.toFile());
    }
    return file;
  }

  /** A PDF of {@code pages} pages, each with a line of text. */
  public static Path textPdf(Path file, int pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = PDType0Font.load(document, ScannedPages.class.getResourceAsStream(FONT));
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          writeText(content, font, "Trang " + i + ": " + String.join(" ", LINES), 72, 770);
        }
      }
      document.save(file.toFile());
    }
    return file;
  }

  /**
   * A PDF whose only page draws an image declaring {@code width} × {@code height} pixels whose data
   * is a few bytes (it must never be decoded).
   */
  public static Path pdfWithHugeImage(Path file, int width, int height) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDImageXObject tiny = LosslessFactory.createFromImage(document, page(List.of("x")));
      tiny.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.WIDTH, width);
      tiny.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.HEIGHT, height);
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(tiny, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      document.save(file.toFile());
    }
    return file;
  }

  private static PDPage addScan(PDDocument document, BufferedImage image) throws IOException {
    float width = image.getWidth() * 72f / DPI;
    float height = image.getHeight() * 72f / DPI;
    PDPage page = new PDPage(new PDRectangle(width, height));
    document.addPage(page);
    PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.drawImage(xobject, 0, 0, width, height);
    }
    return page;
  }

  private static void writeText(
      PDPageContentStream content, PDType0Font font, String text, float x, float y)
      throws IOException {
    content.beginText();
    content.setFont(font, 9);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }

  /**
   * A PNG declaring {@code width} × {@code height} 1-bit pixels, all white, fully compressed: a
   * decompression bomb of a few hundred kilobytes when large. With {@code complete} false only the
   * header is written (as a file cut short after its first chunk).
   */
  public static Path bombPng(Path file, int width, int height, boolean complete)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {1, 0, 0, 0, 0});
      chunk(out, "IHDR", ihdr.toByteArray());
      if (complete) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z =
            new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
          byte[] row = new byte[1 + (width + 7) / 8];
          java.util.Arrays.fill(row, 1, row.length, (byte) 0xFF);
          for (int y = 0; y < height; y++) {
            z.write(row);
          }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
      }
    }
    return file;
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    d.write(name);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }

  /** The first {@code keep} bytes of {@code source} as {@code file}. */
  public static Path truncated(Path source, Path file, double keep) {
    try {
      byte[] bytes = Files.readAllBytes(source);
      Files.write(file, java.util.Arrays.copyOf(bytes, (int) (bytes.length * keep)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
