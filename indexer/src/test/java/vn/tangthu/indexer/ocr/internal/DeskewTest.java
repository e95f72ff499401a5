package vn.tangthu.indexer.ocr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tangthu.indexer.ocr.PageImage;
import vn.tangthu.indexer.testing.ScannedPages;

class DeskewTest {

  private static final BufferedImage PAGE = page();

  private static BufferedImage page() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lines.addAll(ScannedPages.LINES);
    }
    return ScannedPages.page(lines);
  }

  private static BufferedImage rotated(double degrees) {
    BufferedImage out =
        new BufferedImage(PAGE.getWidth(), PAGE.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(
        PAGE,
        AffineTransform.getRotateInstance(
            Math.toRadians(degrees), PAGE.getWidth() / 2.0, PAGE.getHeight() / 2.0),
        null);
    g.dispose();
    return out;
  }

  @ParameterizedTest
  @ValueSource(doubles = {-3, -2, -0.7, 0, 0.7, 2, 3})
  void findsTheSkewAndUndoesIt(double degrees) {
    BufferedImage skewed = rotated(degrees);
    assertThat(Deskew.angle(skewed)).isCloseTo(degrees, within(0.15));
    PageImage straight = Deskew.straighten(new PageImage(skewed, 300));
    assertThat(straight.dpi()).isEqualTo(300);
    assertThat(Deskew.angle(straight.image())).isCloseTo(0, within(0.15));
  }

  @Test
  void aStraightPageIsLeftAsItIs() {
    PageImage page = new PageImage(PAGE, 300);
    assertThat(Deskew.straighten(page)).isSameAs(page);
  }
}
