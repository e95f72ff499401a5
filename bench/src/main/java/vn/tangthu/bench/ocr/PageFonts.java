package vn.tangthu.bench.ocr;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The typefaces pages are set in, each with full Vietnamese coverage: Liberation Serif (metrically
 * Times New Roman, the face Decree 30/2020 prescribes for administrative documents), Noto Sans,
 * DejaVu Serif, and Liberation Sans (shipped inside PDFBox, so at least one face is always there).
 * The first three come from the Debian packages {@code fonts-liberation2}, {@code fonts-noto-core}
 * and {@code fonts-dejavu-core}.
 */
final class PageFonts {

  /** One face and the body size pages are set in. */
  record Face(String name, Font font, float points) {}

  private static final String[][] SYSTEM = {
    {"LiberationSerif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", "13"},
    {"NotoSans", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "12"},
    {"DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "12"},
  };

  private static final String BUNDLED =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  /** Every sample the generator sets must be displayable by every face. */
  static final String VIETNAMESE =
      "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

  private PageFonts() {}

  /**
   * The faces, in a fixed order.
   *
   * @throws IllegalStateException when a system face is missing (names the Debian package), unless
   *     the environment has {@code BENCH_ANY_FONTS=1}: then the missing faces are left out (a
   *     different set from the same seed; said on stderr)
   */
  static List<Face> load() {
    List<Face> faces = new ArrayList<>();
    boolean anyFonts = "1".equals(System.getenv("BENCH_ANY_FONTS"));
    for (String[] f : SYSTEM) {
      Path file = Path.of(f[1]);
      if (!Files.isRegularFile(file) && anyFonts) {
        System.err.println("BENCH_ANY_FONTS: " + f[0] + " missing (" + file + "), left out");
        continue;
      }
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "font missing: " + file + " (apt-get install fonts-liberation2 fonts-noto-core)");
      }
      try {
        faces.add(
            new Face(
                f[0],
                checked(Font.createFont(Font.TRUETYPE_FONT, file.toFile()), f[0]),
                Float.parseFloat(f[2])));
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException("cannot load " + file, e);
      }
    }
    try (InputStream in = PageFonts.class.getResourceAsStream(BUNDLED)) {
      faces.add(
          new Face(
              "LiberationSans",
              checked(Font.createFont(Font.TRUETYPE_FONT, in), "bundled"),
              12.5f));
    } catch (IOException | FontFormatException | NullPointerException e) {
      throw new IllegalStateException("PDFBox's Liberation Sans not on the class path", e);
    }
    return List.copyOf(faces);
  }

  private static Font checked(Font font, String name) {
    if (font.canDisplayUpTo(VIETNAMESE) >= 0) {
      throw new IllegalStateException(name + " lacks Vietnamese letters");
    }
    return font;
  }
}
