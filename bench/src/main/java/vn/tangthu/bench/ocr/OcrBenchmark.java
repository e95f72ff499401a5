package vn.tangthu.bench.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import vn.tangthu.indexer.ocr.OcrEngine;
import vn.tangthu.indexer.ocr.OcrSettings;
import vn.tangthu.indexer.ocr.Tesseract;
import vn.tangthu.indexer.ocr.VietnameseOcrText;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * The OCR benchmark (see {@code bench/ocr.sh}).
 *
 * <ul>
 *   <li>{@code generate <corpus> <dir> <pages> [seed] [conditions]}: writes the test set;
 *   <li>{@code run <corpus> <dir> [threads]}: reads every page with {@link Tesseract} and the
 *       default settings; per condition CER and WER before and after each post-processing step,
 *       pages/s, mean confidence and search recall;
 *   <li>{@code engines <corpus> <dir> [threads]}: the same pages through Tika's TesseractOCRParser
 *       and through the command-line adapter;
 *   <li>{@code dpi <corpus> <dir> [threads]}: PDF pages rendered at 200, 300 and 400 dpi;
 *   <li>{@code preprocess <corpus> <dir> [threads]}: binarisation and deskew variants.
 * </ul>
 */
public final class OcrBenchmark {

  static final long SEED = 20_251_207L;

  private OcrBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: OcrBenchmark generate|run|engines|dpi|preprocess <corpus> <dir> …");
      System.exit(2);
    }
    Path corpus = Path.of(args[1]);
    Path dir = Path.of(args[2]);
    switch (args[0]) {
      case "generate" -> generate(corpus, dir, args);
      case "run" -> run(corpus, dir, threads(args));
      case "engines" -> Comparisons.engines(TestSet.load(dir, limit(args)), threads(args));
      case "dpi" -> Comparisons.dpi(TestSet.load(dir, limit(args)), threads(args));
      case "preprocess" -> Comparisons.preprocess(TestSet.load(dir, limit(args)), threads(args));
      default -> {
        System.err.println("unknown mode " + args[0]);
        System.exit(2);
      }
    }
  }

  /** Pages per condition to use (the first ones), all when not given. */
  private static int limit(String[] args) {
    return args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
  }

  private static int threads(String[] args) {
    return args.length > 3 ? Integer.parseInt(args[3]) : 2;
  }

  private static void generate(Path corpus, Path dir, String[] args) throws IOException {
    int pages = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    long seed = args.length > 4 ? Long.parseLong(args[4]) : SEED;
    List<TestSet.Condition> conditions =
        args.length > 5
            ? List.of(args[5].split(",")).stream().map(TestSet::condition).toList()
            : TestSet.CONDITIONS;
    PageFiles only = args.length > 6 ? PageFiles.valueOf(args[6]) : null;
    long start = System.nanoTime();
    List<TestSet.Sample> samples = TestSet.generate(corpus, dir, seed, pages, conditions, only);
    System.out.printf(
        Locale.ROOT,
        "generated %d pages (%d conditions × %d) in %.1f s into %s%n",
        samples.size(),
        conditions.size(),
        pages,
        (System.nanoTime() - start) / 1e9,
        dir);
  }

  /** The post-processing steps measured, each on top of the previous ones. */
  static Map<String, UnaryOperator<String>> postProcessing() {
    Map<String, UnaryOperator<String>> steps = new LinkedHashMap<>();
    steps.put("raw", UnaryOperator.identity());
    steps.put("nfc", VietnameseOcrText::nfc);
    steps.put("nfc+tones", t -> VietnameseOcrText.placeTones(VietnameseOcrText.nfc(t)));
    steps.put(
        "nfc+malformed", t -> VietnameseOcrText.fixConfusions(VietnameseOcrText.nfc(t), false));
    steps.put(
        "nfc+malformed+unseen",
        t -> VietnameseOcrText.fixConfusions(VietnameseOcrText.nfc(t), true));
    steps.put("correct", VietnameseOcrText::correct);
    return steps;
  }

  private static void run(Path corpus, Path dir, int threads) throws Exception {
    List<TestSet.Sample> samples = TestSet.load(dir, Integer.MAX_VALUE);
    OcrSettings settings = OcrSettings.DEFAULT;
    Map<TestSet.Condition, PageRun.Batch> batches = new LinkedHashMap<>();
    System.out.println("load before: " + Comparisons.load());
    try (OcrEngine engine = new Tesseract(settings)) {
      System.out.println("engine: " + engine.status());
      for (TestSet.Condition c : TestSet.CONDITIONS) {
        List<TestSet.Sample> pages = samples.stream().filter(s -> s.condition().equals(c)).toList();
        if (!pages.isEmpty()) {
          batches.put(c, PageRun.read(pages, engine, settings, threads));
          System.out.printf(Locale.ROOT, "read %s: %d pages%n", c.name(), pages.size());
        }
      }
    }
    System.out.println("load after: " + Comparisons.load());
    writePages(dir.resolve("ocr"), batches);
    Map<TestSet.Condition, Double> recall = recall(corpus, dir, samples, batches);
    report(batches, recall, threads);
  }

  private static Map<TestSet.Condition, Double> recall(
      Path corpus,
      Path dir,
      List<TestSet.Sample> samples,
      Map<TestSet.Condition, PageRun.Batch> batches)
      throws IOException {
    Map<Integer, String> truths = new HashMap<>();
    for (TestSet.Sample s : samples) {
      truths.putIfAbsent(pageIndex(s), s.truth());
    }
    Path work = Files.createTempDirectory(dir, "recall");
    PhraseRecall recall = PhraseRecall.prepare(corpus, truths, work, SEED);
    Map<TestSet.Condition, Double> out = new LinkedHashMap<>();
    for (Map.Entry<TestSet.Condition, PageRun.Batch> e : batches.entrySet()) {
      Map<String, String> pages = new HashMap<>();
      for (PageRun.Read r : e.getValue().reads()) {
        pages.put(r.sample().id(), VietnameseOcrText.correct(r.text()));
      }
      int asked = 0;
      int found = 0;
      try (SearchIndex index = recall.index(work.resolve(e.getKey().name()), pages)) {
        for (PageRun.Read r : e.getValue().reads()) {
          for (String phrase : recall.phrases(pageIndex(r.sample()))) {
            asked++;
            found += PhraseRecall.finds(index, phrase, r.sample().id()) ? 1 : 0;
          }
        }
      }
      out.put(e.getKey(), asked == 0 ? Double.NaN : (double) found / asked);
    }
    return out;
  }

  /** Each page's OCR text and a TSV of per-page figures, for looking into the errors. */
  static void writePages(Path out, Map<TestSet.Condition, PageRun.Batch> batches)
      throws IOException {
    Files.createDirectories(out);
    StringBuilder tsv =
        new StringBuilder("id\tcontainer\tface\tstatus\tCER\tWER\tconfidence\tseconds\n");
    for (PageRun.Batch b : batches.values()) {
      for (PageRun.Read r : b.reads()) {
        String text = VietnameseOcrText.correct(r.text());
        Files.writeString(out.resolve(r.sample().id() + ".txt"), text);
        tsv.append(
            String.format(
                Locale.ROOT,
                "%s\t%s\t%s\t%s\t%.4f\t%.4f\t%.1f\t%.2f%n",
                r.sample().id(),
                r.sample().container(),
                r.sample().face(),
                r.result().status(),
                TextMetrics.characters(text, r.sample().truth()).rate(),
                TextMetrics.words(text, r.sample().truth()).rate(),
                r.result().meanConfidence(),
                r.seconds()));
      }
    }
    Files.writeString(out.resolve("pages.tsv"), tsv);
  }

  static int pageIndex(TestSet.Sample s) {
    return Integer.parseInt(s.id().substring(s.id().lastIndexOf('-') + 1));
  }

  private static void report(
      Map<TestSet.Condition, PageRun.Batch> batches,
      Map<TestSet.Condition, Double> recall,
      int threads) {
    Map<String, UnaryOperator<String>> steps = postProcessing();
    UnaryOperator<String> kept = steps.get("correct");
    System.out.printf(
        Locale.ROOT,
        "%n| condition | pages | CER | WER | recall@10 | pages/s (%d threads) | CPU s/page | confidence | not DONE |%n"
            + "|---|---|---|---|---|---|---|---|---|%n",
        threads);
    PageRun.Batch baseline = batches.values().iterator().next();
    for (Map.Entry<TestSet.Condition, PageRun.Batch> e : batches.entrySet()) {
      PageRun.Batch b = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.2f %% | %.2f %% | %.3f | %.3f (×%.2f) | %.2f | %.1f | %d |%n",
          e.getKey().name(),
          b.reads().size(),
          100 * b.characters(kept).rate(),
          100 * b.words(kept).rate(),
          recall.get(e.getKey()),
          b.pagesPerSecond(),
          b.pagesPerSecond() / baseline.pagesPerSecond(),
          b.cpuSecondsPerPage(),
          b.meanConfidence(),
          b.failures());
    }
    System.out.printf("%n| condition | %s |%n|---|", String.join(" | ", steps.keySet()));
    steps.keySet().forEach(k -> System.out.print("---|"));
    System.out.println();
    for (Map.Entry<TestSet.Condition, PageRun.Batch> e : batches.entrySet()) {
      List<String> cells = new ArrayList<>();
      for (UnaryOperator<String> step : steps.values()) {
        cells.add(
            String.format(
                Locale.ROOT,
                "%.2f / %.2f",
                100 * e.getValue().characters(step).rate(),
                100 * e.getValue().words(step).rate()));
      }
      System.out.printf("| %s | %s |%n", e.getKey().name(), String.join(" | ", cells));
    }
    System.out.println("(CER % / WER % after each post-processing step)");
  }
}
