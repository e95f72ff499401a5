package vn.tangthu.bench.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSetTest {

  @TempDir Path dir;

  private static Path corpus() {
    Path root = Path.of(System.getProperty("tangthu.root", ".")).toAbsolutePath();
    Path at = root;
    while (at != null && !Files.isDirectory(at.resolve("../shared/corpus"))) {
      at = at.getParent();
    }
    return (at == null ? root : at).resolve("../shared/corpus/vi-legal").normalize();
  }

  private List<TestSet.Sample> generate(String name, long seed) throws IOException {
    return TestSet.generate(
        corpus(),
        dir.resolve(name),
        seed,
        2,
        List.of(TestSet.condition("clean-200"), TestSet.condition("degraded-200")),
        PageFiles.PNG);
  }

  @Test
  void theSameSeedGivesTheSamePages() throws IOException {
    List<TestSet.Sample> a = generate("a", 7);
    List<TestSet.Sample> b = generate("b", 7);
    assertThat(a)
        .extracting(TestSet.Sample::truth)
        .isEqualTo(b.stream().map(TestSet.Sample::truth).toList());
    for (int i = 0; i < a.size(); i++) {
      assertThat(pixels(a.get(i).file())).isEqualTo(pixels(b.get(i).file()));
    }
    assertThat(generate("c", 8).get(0).truth()).isNotEqualTo(a.get(0).truth());
    assertThat(TestSet.load(dir.resolve("a"), 1)).hasSize(2);
  }

  @Test
  void aPageIsTheSameTextInEveryConditionAndItsTruthIsWhatWasSet() throws IOException {
    List<TestSet.Sample> samples = generate("d", 11);
    assertThat(samples.get(0).truth()).isEqualTo(samples.get(2).truth());
    assertThat(samples.get(0).truth()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập");
    assertThat(pixels(samples.get(0).file())).isNotEqualTo(pixels(samples.get(2).file()));
    BufferedImage page = ImageIO.read(samples.get(1).file().toFile());
    assertThat(page.getWidth()).isEqualTo(PageLayout.px(210, 200));
  }

  private static int[] pixels(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
  }
}
