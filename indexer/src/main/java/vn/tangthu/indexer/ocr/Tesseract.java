package vn.tangthu.indexer.ocr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tangthu.indexer.ocr.internal.EngineProcess;
import vn.tangthu.indexer.ocr.internal.Pgm;
import vn.tangthu.indexer.ocr.internal.TesseractTsv;

/**
 * Tesseract through its command line: each page is handed to a new {@code tesseract} process as an
 * 8-bit grey PGM on standard input, with the configured languages ({@code -l vie+eng}), page
 * segmentation mode and the page's resolution, and read back as TSV on standard output (text and
 * per-word confidence in one run; no temporary files). The process runs with {@code
 * OMP_THREAD_LIMIT} set to {@link OcrSettings#engineThreads()} and is killed, with anything it
 * started, when the page's time is up or the reading is cancelled; when coreutils {@code timeout}
 * is installed it also wraps the process, so a page outlives neither its limit nor a killed JVM by
 * more than a few seconds.
 *
 * <p>A missing executable or a missing language model makes {@link #status()} absent and every page
 * {@link OcrFailure#ENGINE_ABSENT}; the check is repeated while the engine is absent, so installing
 * it takes effect without a restart. Thread-safe.
 */
public final class Tesseract implements OcrEngine {

  private static final Path TIMEOUT = Path.of("/usr/bin/timeout");
  private static final Pattern VERSION = Pattern.compile("tesseract v?(\\d+\\.\\d+(?:\\.\\d+)?)");
  private static final Duration PROBE_LIMIT = Duration.ofSeconds(30);
  private static final int MAX_OUTPUT = 32 * 1024 * 1024;

  /** Exit codes of coreutils {@code timeout} when the command cannot be found or run. */
  private static final int NOT_FOUND = 127;

  private static final int NOT_EXECUTABLE = 126;

  private final OcrSettings settings;
  private final ExecutorService pipes;
  private final EngineProcess processes;
  private final boolean wrap;
  private volatile EngineStatus known;

  /** An engine with these settings; nothing is started until the first call. */
  public Tesseract(OcrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    AtomicInteger count = new AtomicInteger();
    this.pipes =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "tesseract-pipe-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.processes = new EngineProcess(pipes);
    this.wrap = Files.isExecutable(TIMEOUT);
  }

  @Override
  public EngineStatus status() {
    EngineStatus status = known;
    if (status != null && status.available()) {
      return status;
    }
    status = probe();
    known = status;
    return status;
  }

  private EngineStatus probe() {
    Path exe = settings.tesseractPath();
    if (!Files.isRegularFile(exe)) {
      return absent("OCR engine not found: " + exe);
    }
    if (!Files.isExecutable(exe)) {
      return absent("OCR engine not executable: " + exe);
    }
    EngineProcess.Outcome version =
        processes.run(
            List.of(exe.toString(), "--version"),
            Map.of(),
            new byte[0],
            PROBE_LIMIT,
            1 << 20,
            () -> false);
    String versionText = new String(version.stdout(), StandardCharsets.UTF_8) + version.stderr();
    if (version.end() != EngineProcess.End.EXITED || version.exitCode() != 0) {
      return absent("OCR engine does not run: " + exe);
    }
    Matcher m = VERSION.matcher(versionText.toLowerCase(Locale.ROOT));
    String name = m.find() ? "tesseract " + m.group(1) : "tesseract";
    EngineProcess.Outcome langs =
        processes.run(
            List.of(exe.toString(), "--list-langs"),
            Map.of(),
            new byte[0],
            PROBE_LIMIT,
            1 << 20,
            () -> false);
    List<String> installed =
        (new String(langs.stdout(), StandardCharsets.UTF_8) + "\n" + langs.stderr())
            .lines()
            .map(String::strip)
            .toList();
    List<String> missing =
        settings.languages().stream().filter(l -> !installed.contains(l)).toList();
    if (!missing.isEmpty()) {
      return EngineStatus.absent(
          name,
          settings.languages(),
          "OCR language model not installed: " + String.join(", ", missing));
    }
    return EngineStatus.available(name, settings.languages());
  }

  private EngineStatus absent(String reason) {
    return EngineStatus.absent("tesseract", settings.languages(), reason);
  }

  @Override
  public PageReading read(PageImage page, Duration timeLimit, Cancellation cancellation) {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(timeLimit, "timeLimit");
    Objects.requireNonNull(cancellation, "cancellation");
    long start = System.nanoTime();
    EngineStatus status = status();
    if (!status.available()) {
      return PageReading.failed(OcrFailure.ENGINE_ABSENT, status.reason(), since(start));
    }
    if (cancellation.isCancelled()) {
      return PageReading.failed(OcrFailure.CANCELLED, null, since(start));
    }
    byte[] pgm = Pgm.encode(page.image());
    EngineProcess.Outcome outcome =
        processes.run(
            command(page.dpi(), timeLimit),
            Map.of("OMP_THREAD_LIMIT", Integer.toString(settings.engineThreads())),
            pgm,
            timeLimit,
            MAX_OUTPUT,
            cancellation::isCancelled);
    return reading(outcome, timeLimit, since(start));
  }

  private PageReading reading(EngineProcess.Outcome outcome, Duration limit, Duration elapsed) {
    switch (outcome.end()) {
      case NOT_STARTED -> {
        known = null;
        return PageReading.failed(OcrFailure.ENGINE_ABSENT, outcome.stderr(), elapsed);
      }
      case TIMED_OUT -> {
        return PageReading.failed(OcrFailure.PAGE_TIMED_OUT, "after " + limit, elapsed);
      }
      case CANCELLED -> {
        return PageReading.failed(OcrFailure.CANCELLED, null, elapsed);
      }
      case OUTPUT_TOO_LARGE, PIPE_FAILED -> {
        return PageReading.failed(OcrFailure.ENGINE_FAILED, outcome.stderr(), elapsed);
      }
      default -> {
        // exited: read below
      }
    }
    int code = outcome.exitCode();
    if (code == NOT_FOUND || code == NOT_EXECUTABLE) {
      known = null;
      return PageReading.failed(OcrFailure.ENGINE_ABSENT, firstLine(outcome.stderr()), elapsed);
    }
    if (wrap && code == 124) {
      return PageReading.failed(OcrFailure.PAGE_TIMED_OUT, "after " + limit, elapsed);
    }
    if (code != 0) {
      String message = firstLine(outcome.stderr());
      if (message.contains("Failed loading language") || message.contains("Error opening data")) {
        known = null;
        return PageReading.failed(OcrFailure.ENGINE_ABSENT, message, elapsed);
      }
      return PageReading.failed(OcrFailure.ENGINE_FAILED, "exit " + code + ": " + message, elapsed);
    }
    try {
      TesseractTsv.Page page =
          TesseractTsv.parse(new String(outcome.stdout(), StandardCharsets.UTF_8));
      return PageReading.read(page.text(), page.confidence(), page.words(), elapsed);
    } catch (IllegalArgumentException e) {
      return PageReading.failed(OcrFailure.ENGINE_FAILED, e.getMessage(), elapsed);
    }
  }

  private List<String> command(int dpi, Duration limit) {
    List<String> command = new ArrayList<>();
    if (wrap) {
      long seconds = Math.max(1, limit.toSeconds() + 2);
      command.addAll(List.of(TIMEOUT.toString(), "--signal=KILL", seconds + "s"));
    }
    command.add(settings.tesseractPath().toString());
    command.add("stdin");
    command.add("stdout");
    command.add("-l");
    command.add(settings.languageArgument());
    command.add("--psm");
    command.add(Integer.toString(settings.pageSegmentation()));
    if (dpi > 0) {
      command.add("--dpi");
      command.add(Integer.toString(dpi));
    }
    settings
        .engineOptions()
        .forEach(
            (name, value) -> {
              command.add("-c");
              command.add(name + "=" + value);
            });
    command.add("tsv");
    return command;
  }

  private static String firstLine(String text) {
    String stripped = text == null ? "" : text.strip();
    int newline = stripped.indexOf('\n');
    String line = newline < 0 ? stripped : stripped.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) : line;
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    pipes.shutdownNow();
  }
}
