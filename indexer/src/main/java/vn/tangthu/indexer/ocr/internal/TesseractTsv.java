package vn.tangthu.indexer.ocr.internal;

import java.text.Normalizer;

/**
 * Tesseract's TSV output (one row per page, block, paragraph, line and word: {@code level page_num
 * block_num par_num line_num word_num left top width height conf text}) turned into the page's text
 * and its confidence. Words of a line are joined by one space, lines by {@code \n}, paragraphs and
 * blocks by a blank line (as Tesseract's own text output). The confidence is the mean word
 * confidence weighted by the word's length. Pure function.
 */
public final class TesseractTsv {

  private static final int WORD_LEVEL = 5;
  private static final int COLUMNS = 12;

  private TesseractTsv() {}

  /** The text and confidence of one page. */
  public record Page(String text, double confidence, int words) {}

  /**
   * Parses TSV output; rows that are not well-formed words are ignored.
   *
   * @throws IllegalArgumentException when the header is missing (not TSV output)
   */
  public static Page parse(String tsv) {
    String[] rows = tsv.split("\n");
    if (rows.length == 0 || !rows[0].startsWith("level\t")) {
      throw new IllegalArgumentException("not Tesseract TSV output");
    }
    StringBuilder text = new StringBuilder();
    double weighted = 0;
    long chars = 0;
    int words = 0;
    String paragraph = null;
    String line = null;
    for (int r = 1; r < rows.length; r++) {
      String[] cols = rows[r].split("\t", -1);
      if (cols.length < COLUMNS || !Integer.toString(WORD_LEVEL).equals(cols[0])) {
        continue;
      }
      String word = cols[COLUMNS - 1].strip();
      double conf = parseConfidence(cols[10]);
      if (word.isEmpty() || conf < 0) {
        continue;
      }
      String thisParagraph = cols[1] + "." + cols[2] + "." + cols[3];
      String thisLine = thisParagraph + "." + cols[4];
      if (paragraph != null && !paragraph.equals(thisParagraph)) {
        text.append("\n\n");
      } else if (line != null && !line.equals(thisLine)) {
        text.append('\n');
      } else if (line != null) {
        text.append(' ');
      }
      paragraph = thisParagraph;
      line = thisLine;
      text.append(word);
      int length = word.codePointCount(0, word.length());
      weighted += conf * length;
      chars += length;
      words++;
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return new Page(nfc, chars == 0 ? Double.NaN : Math.min(100, weighted / chars), words);
  }

  private static double parseConfidence(String value) {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
