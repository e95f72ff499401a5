package vn.tangthu.bench.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Sets paragraphs on an A4 page as an administrative document is set (Decree 30/2020: margins 20 mm
 * top and bottom, 30 mm left, 15 mm right; justified paragraphs with a first-line indent;
 * optionally the two-column heading of a first page: the issuing agency and the document number on
 * the left, the national motto, place and date on the right) and draws it in 8-bit grey,
 * anti-aliased. The ground truth is the text of each drawn line, words separated by one space, in
 * reading order (left heading column, right heading column, body).
 */
final class PageLayout {

  static final double A4_WIDTH_MM = 210;
  static final double A4_HEIGHT_MM = 297;
  private static final double MM_PER_INCH = 25.4;

  /** A drawn page and the text on it. */
  record Page(BufferedImage image, String truth) {}

  private PageLayout() {}

  static int px(double mm, int dpi) {
    return (int) Math.round(mm / MM_PER_INCH * dpi);
  }

  /**
   * Sets as many whole lines of {@code paragraphs} as fit on one page, under the heading when one
   * is given.
   */
  static Page set(Iterator<String> paragraphs, PageFonts.Face face, int dpi, Heading heading) {
    int width = px(A4_WIDTH_MM, dpi);
    int height = px(A4_HEIGHT_MM, dpi);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      Font font = face.font().deriveFont(face.points() * dpi / 72f);
      g.setFont(font);
      List<String> truth = new ArrayList<>();
      double top = px(20, dpi) + g.getFontMetrics().getAscent();
      if (heading != null) {
        top = heading.draw(g, dpi, width, top, truth);
      }
      draw(g, paragraphs, dpi, width, height, top, truth);
      return new Page(image, String.join("\n", truth));
    } finally {
      g.dispose();
    }
  }

  private static void draw(
      Graphics2D g,
      Iterator<String> paragraphs,
      int dpi,
      int width,
      int height,
      double top,
      List<String> truth) {
    int left = px(30, dpi);
    int right = width - px(15, dpi);
    int bottom = height - px(20, dpi);
    int indent = px(10, dpi);
    float size = g.getFont().getSize2D();
    double lineHeight = size * 1.3;
    double paragraphGap = size * 0.4;
    double y = top;
    while (paragraphs.hasNext() && y <= bottom) {
      List<List<String>> lines = wrap(g, paragraphs.next(), right - left, indent);
      for (int i = 0; i < lines.size() && y <= bottom; i++) {
        int x = left + (i == 0 ? indent : 0);
        boolean last = i == lines.size() - 1;
        drawLine(g, lines.get(i), x, (float) y, right - x, !last);
        truth.add(String.join(" ", lines.get(i)));
        y += lineHeight;
      }
      y += paragraphGap;
    }
  }

  /** The two columns at the head of a first page, each line centred in its column. */
  record Heading(List<String> left, List<String> right) {

    /** Draws the heading from baseline {@code y}; returns the baseline of the body. */
    double draw(Graphics2D g, int dpi, int width, double y, List<String> truth) {
      int left = px(30, dpi);
      int right = width - px(15, dpi);
      int split = left + (right - left) * 2 / 5;
      double lineHeight = g.getFont().getSize2D() * 1.3;
      column(g, this.left, left, split, y, lineHeight, truth);
      column(g, this.right, split, right, y, lineHeight, truth);
      return y + lineHeight * (Math.max(this.left.size(), this.right.size()) + 1.5);
    }

    private static void column(
        Graphics2D g,
        List<String> lines,
        int from,
        int to,
        double y,
        double lineHeight,
        List<String> truth) {
      java.awt.Font body = g.getFont();
      double widest = lines.stream().mapToDouble(l -> width(g, l)).max().orElse(0);
      double scale = Math.min(0.9, (to - from) * 0.95 / widest);
      g.setFont(body.deriveFont((float) (body.getSize2D() * scale)));
      for (String line : lines) {
        double w = width(g, line);
        g.drawString(line, (float) (from + (to - from - w) / 2), (float) y);
        truth.add(line);
        y += lineHeight;
      }
      g.setFont(body);
    }
  }

  private static List<List<String>> wrap(Graphics2D g, String paragraph, int width, int indent) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    double used = 0;
    double space = width(g, " ");
    for (String word : paragraph.split(" ")) {
      double w = width(g, word);
      double available = width - (lines.isEmpty() ? indent : 0);
      if (!line.isEmpty() && used + space + w > available) {
        lines.add(line);
        line = new ArrayList<>();
        used = 0;
      }
      used += (line.isEmpty() ? 0 : space) + w;
      line.add(word);
    }
    if (!line.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  /** Draws the words, justified to {@code width} unless that would stretch spaces too far. */
  private static void drawLine(
      Graphics2D g, List<String> words, int x, float y, int width, boolean justify) {
    double space = width(g, " ");
    double total = 0;
    for (String w : words) {
      total += width(g, w);
    }
    double gap = space;
    if (justify && words.size() > 1) {
      double stretched = (width - total) / (words.size() - 1);
      if (stretched > space && stretched < space * 3) {
        gap = stretched;
      }
    }
    double at = x;
    for (String w : words) {
      g.drawString(w, (float) at, y);
      at += width(g, w) + gap;
    }
  }

  private static double width(Graphics2D g, String s) {
    return g.getFont().getStringBounds(s, g.getFontRenderContext()).getWidth();
  }
}
