package vn.tangthu.bench.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a synthetic document as PDF, DOCX or plain text, deterministically (fixed times, fixed
 * PDF identifier), with Vietnamese text intact.
 *
 * <p>PDFs embed a subset of Liberation Sans 2.1.5 (SIL Open Font License 1.1), the font PDFBox
 * itself ships inside its jar ({@code org/apache/pdfbox/resources/ttf}), which covers every
 * Vietnamese letter: nothing has to be installed and a user's clone renders the same bytes. DOCX
 * files are the smallest valid WordprocessingML package, written by hand so that their bytes do not
 * depend on a library's timestamps. Not thread-safe.
 */
final class FileRenderer {

  /** The kinds of file a document comes as. */
  enum Kind {
    PDF(".pdf", "application/pdf"),
    DOCX(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    TXT(".txt", "text/plain");

    private final String extension;
    private final String contentType;

    Kind(String extension, String contentType) {
      this.extension = extension;
      this.contentType = contentType;
    }

    String extension() {
      return extension;
    }

    String contentType() {
      return contentType;
    }
  }

  static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  static final java.time.LocalDateTime FIXED_TIME = java.time.LocalDateTime.of(2025, 1, 1, 0, 0);
  private static final float MARGIN = 56;
  private static final float SIZE = 11;
  private static final float LEADING = 15;

  private final TrueTypeFont ttf;
  private final CmapLookup cmap;

  FileRenderer() throws IOException {
    try (InputStream in = FileRenderer.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IOException("PDFBox's Liberation Sans is not on the class path: " + FONT);
      }
      this.ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
    }
    // glyph substitution (ligatures) is not needed for Vietnamese, and PDFBox compiles its rules
    // into regular expressions on every page: most of the time a document took to render
    ttf.setEnableGsub(false);
    this.cmap = ttf.getUnicodeCmapLookup();
  }

  byte[] render(Kind kind, SyntheticDocument d, String title, List<String> body)
      throws IOException {
    List<String> lines = lines(d, title, body);
    return switch (kind) {
      case PDF -> pdf(lines, d.serial());
      case DOCX -> docx(lines);
      case TXT -> (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    };
  }

  /** The document as lines: heading, reference, place and date, title, subject, body, signer. */
  static List<String> lines(SyntheticDocument d, String title, List<String> body) {
    List<String> lines = new ArrayList<>();
    lines.add(d.sender().name().toUpperCase(java.util.Locale.ROOT));
    lines.add("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc");
    lines.add("Số: " + d.reference());
    lines.add(
        d.sender().place()
            + ", ngày "
            + d.issued().format(DateTimeFormatter.ofPattern("dd 'tháng' MM 'năm' yyyy")));
    lines.add("");
    lines.add(title);
    lines.add(d.subject());
    lines.add("");
    lines.addAll(body);
    lines.add("");
    if (d.signer().competence() != null) {
      lines.add(d.signer().competence());
    }
    lines.add(d.signer().position());
    lines.add(d.signer().fullName());
    return lines;
  }

  private byte[] pdf(List<String> lines, int serial) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType0Font font = PDType0Font.load(doc, ttf, true);
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      List<String> wrapped = new ArrayList<>();
      for (String line : lines) {
        wrapped.addAll(wrap(printable(line), font, width));
      }
      int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
      for (int start = 0; start < wrapped.size(); start += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.beginText();
          s.setFont(font, SIZE);
          s.setLeading(LEADING);
          s.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
          for (String l : wrapped.subList(start, Math.min(wrapped.size(), start + perPage))) {
            s.showText(l);
            s.newLine();
          }
          s.endText();
        }
      }
      COSString id =
          new COSString(("tangthu-synthetic-" + serial).getBytes(StandardCharsets.UTF_8));
      COSArray ids = new COSArray();
      ids.add(id);
      ids.add(id);
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** The characters the font has; others (rare symbols) become '?'. */
  private String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(c == ' ' || cmap.getGlyphId(c) != 0 ? c : '?'));
    return b.toString();
  }

  private static List<String> wrap(String text, PDType0Font font, float width) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * SIZE > width) {
        out.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    out.add(line.toString());
    return out;
  }

  static byte[] docx(List<String> lines) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String l : lines) {
      body.append("<w:p><w:r><w:t xml:space=\"preserve\">")
          .append(escape(l))
          .append("</w:t></w:r></w:p>");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package"
              + ".relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd"
              + ".openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
              + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats"
              + ".org/officeDocument/2006/relationships/officeDocument\" "
              + "Target=\"word/document.xml\"/></Relationships>");
      put(
          zip,
          "word/document.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
              + "main\"><w:body>"
              + body
              + "</w:body></w:document>");
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(FIXED_TIME);
    zip.putNextEntry(e);
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
