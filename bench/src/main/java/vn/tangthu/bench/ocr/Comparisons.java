package vn.tangthu.bench.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.tangthu.indexer.ocr.OcrEngine;
import vn.tangthu.indexer.ocr.OcrSettings;
import vn.tangthu.indexer.ocr.Tesseract;
import vn.tangthu.indexer.ocr.VietnameseOcrText;

/**
 * The measurements behind the defaults: engine adapter, rendering resolution, binarisation and
 * deskew. Each variant reads the same pages; CER and WER are after the kept post-processing.
 */
final class Comparisons {

  private Comparisons() {}

  static String load() {
    try {
      return String.join(
          " ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (Exception e) {
      return "?";
    }
  }

  /** Tika's TesseractOCRParser against the command-line adapter. */
  static void engines(List<TestSet.Sample> all, int threads) throws Exception {
    List<TestSet.Sample> samples = select(all, Set.of("clean-300", "clean-200", "photocopy-300"));
    OcrSettings settings = OcrSettings.DEFAULT;
    Map<String, Function<OcrSettings, OcrEngine>> engines = new LinkedHashMap<>();
    engines.put("tesseract CLI adapter (TSV, stdin PGM)", Tesseract::new);
    engines.put(
        "Tika TesseractOCRParser (PNG temp file, txt)",
        s -> {
          try {
            return new TikaTesseractEngine(s);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    compare("engine", samples, settings, engines, threads);
  }

  /** PDF pages rendered at 200, 300 and 400 dpi. */
  static void dpi(List<TestSet.Sample> all, int threads) throws Exception {
    List<TestSet.Sample> samples =
        all.stream().filter(s -> s.container() == PageFiles.PDF).toList();
    Map<String, Function<OcrSettings, OcrEngine>> variants = new LinkedHashMap<>();
    for (int dpi : new int[] {200, 300, 400}) {
      OcrSettings settings =
          OcrSettings.DEFAULT.withReading(
              OcrSettings.DEFAULT.languages(),
              OcrSettings.DEFAULT.pageSegmentation(),
              dpi,
              OcrSettings.DEFAULT.engineOptions());
      run("render " + dpi + " dpi", samples, settings, Tesseract::new, threads);
    }
  }

  /**
   * Deskew (on by default) against none; page segmentation modes and Tesseract's binarisation
   * methods.
   */
  static void preprocess(List<TestSet.Sample> all, int threads) throws Exception {
    List<TestSet.Sample> samples =
        select(all, Set.of("clean-300", "skew2-300", "photocopy-300", "degraded-200"));
    OcrSettings d = OcrSettings.DEFAULT;
    run("default: deskew, psm " + d.pageSegmentation(), samples, d, Tesseract::new, threads);
    run("no deskew", samples, d.withDeskew(false), Tesseract::new, threads);
    for (int psm : new int[] {4, 6}) {
      OcrSettings settings =
          d.withReading(d.languages(), psm, d.renderDpi(), d.engineOptions()).withDeskew(false);
      run("no deskew, psm " + psm, samples, settings, Tesseract::new, threads);
    }
    for (String method : new String[] {"1", "2"}) {
      OcrSettings settings =
          d.withReading(
              d.languages(),
              d.pageSegmentation(),
              d.renderDpi(),
              Map.of("thresholding_method", method));
      run("deskew, thresholding_method=" + method, samples, settings, Tesseract::new, threads);
    }
  }

  private static List<TestSet.Sample> select(List<TestSet.Sample> all, Set<String> conditions) {
    return all.stream().filter(s -> conditions.contains(s.condition().name())).toList();
  }

  private static void compare(
      String what,
      List<TestSet.Sample> samples,
      OcrSettings settings,
      Map<String, Function<OcrSettings, OcrEngine>> engines,
      int threads)
      throws Exception {
    for (Map.Entry<String, Function<OcrSettings, OcrEngine>> e : engines.entrySet()) {
      run(what + ": " + e.getKey(), samples, settings, e.getValue(), threads);
    }
  }

  private static void run(
      String label,
      List<TestSet.Sample> samples,
      OcrSettings settings,
      Function<OcrSettings, OcrEngine> factory,
      int threads)
      throws Exception {
    Map<String, List<TestSet.Sample>> byCondition = new LinkedHashMap<>();
    for (TestSet.Sample s : samples) {
      byCondition.computeIfAbsent(s.condition().name(), k -> new java.util.ArrayList<>()).add(s);
    }
    System.out.printf(
        "%n%s (load %s)%n| condition | pages | CER | WER | pages/s | CPU s/page | not DONE |%n"
            + "|---|---|---|---|---|---|---|%n",
        label, load());
    try (OcrEngine engine = factory.apply(PageRun.patient(settings))) {
      for (Map.Entry<String, List<TestSet.Sample>> e : byCondition.entrySet()) {
        PageRun.Batch b = PageRun.read(e.getValue(), engine, settings, threads);
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.2f %% | %.2f %% | %.3f | %.2f | %d |%n",
            e.getKey(),
            b.reads().size(),
            100 * b.characters(VietnameseOcrText::correct).rate(),
            100 * b.words(VietnameseOcrText::correct).rate(),
            b.pagesPerSecond(),
            b.cpuSecondsPerPage(),
            b.failures());
      }
    }
  }
}
