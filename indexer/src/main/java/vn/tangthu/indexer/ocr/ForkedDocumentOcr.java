package vn.tangthu.indexer.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import vn.tangthu.child.ChildFailure;
import vn.tangthu.child.ChildPool;
import vn.tangthu.child.ChildProgram;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.ocr.internal.OcrChild;
import vn.tangthu.indexer.ocr.internal.OcrProtocol;

/**
 * Reads scanned documents like {@link DocumentOcr}, but inside a pool of warm child JVMs of its own
 * ({@link ChildPool}, separate from text extraction's), one page per request: each child has its
 * own heap limit and is killed when a page takes longer than the page time limit plus {@link
 * #PAGE_SLACK} (opening and rendering), so a hostile page can neither hang nor exhaust the caller
 * and fails alone ({@link OcrFailure#PAGE_TIMED_OUT}, or {@link OcrFailure#IMAGE_TOO_LARGE} when
 * its child ran out of memory). The document's time limit and page cap are applied here, between
 * pages; progress is reported after every page.
 *
 * <p>Thread-safe; at most {@link ForkSettings#processes()} pages are read at a time, further
 * callers wait for a free child.
 */
public final class ForkedDocumentOcr implements AutoCloseable {

  /** Time a child may take for a page beyond the page time limit (opening, rendering). */
  public static final Duration PAGE_SLACK = Duration.ofSeconds(60);

  private final OcrSettings settings;
  private final Clock clock;
  private final ChildPool pool;
  private final Tesseract probe;

  /**
   * Starts the children (they warm up in the background).
   *
   * @throws IllegalStateException when a child process cannot be started
   */
  public ForkedDocumentOcr(OcrSettings settings, ForkSettings fork, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.probe = new Tesseract(settings);
    this.pool =
        new ChildPool(
            new ChildProgram(
                "ocr",
                OcrChild.class,
                List.of(),
                OcrProtocol.greeting(settings),
                OcrProtocol.MAX_ANSWER_BYTES),
            Objects.requireNonNull(fork, "fork"),
            settings.pageTimeout().plus(PAGE_SLACK));
  }

  /** Whether the engine can read pages now (checked in this JVM, the way the children check). */
  public EngineStatus status() {
    return probe.status();
  }

  /** The settings pages are read with. */
  public OcrSettings settings() {
    return settings;
  }

  /**
   * Reads a document page by page. Never throws for bad content.
   *
   * @param file the document's bytes, readable during the call
   * @param mediaType its media type, detected from the bytes
   * @param cancellation stops the reading between pages (an interrupt also stops the current page)
   * @param progress told about each page once it is done, in order, with the pages to examine
   */
  public OcrResult read(Path file, String mediaType, Cancellation cancellation, Progress progress) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(progress, "progress");
    if (!DocumentOcr.supports(mediaType)) {
      return new OcrResult(
          OcrResult.Status.FAILED,
          OcrFailure.UNSUPPORTED,
          "cannot read " + mediaType,
          0,
          List.of(),
          status());
    }
    long deadline = clock.millis() + settings.documentTimeout().toMillis();
    List<OcrPage> pages = new ArrayList<>();
    int pageCount = 0;
    int examined = 1;
    EngineStatus engine = null;
    for (int number = 1; number <= examined; number++) {
      long left = deadline - clock.millis();
      if (cancellation.isCancelled()) {
        return OcrResult.summarize(pages, pageCount, engineOr(engine), true);
      }
      if (left <= 0) {
        pages.add(notRead(number, OcrFailure.DOCUMENT_TIMED_OUT, null));
        progress.done(pages.get(pages.size() - 1), examined);
        continue;
      }
      OcrProtocol.PageAnswer answer;
      try {
        answer = ask(new OcrProtocol.PageRequest(file, mediaType, number, left));
      } catch (ChildFailure e) {
        if (pageCount == 0) {
          return failed(e, engineOr(engine));
        }
        pages.add(notRead(number, failure(e), e.getMessage()));
        progress.done(pages.get(pages.size() - 1), examined);
        continue;
      } catch (IOException e) {
        pages.add(notRead(number, OcrFailure.ENGINE_FAILED, e.getMessage()));
        progress.done(pages.get(pages.size() - 1), examined);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return OcrResult.summarize(pages, pageCount, engineOr(engine), true);
      }
      if (answer.failure() != null) {
        return answer.failure();
      }
      engine = answer.engine();
      pageCount = answer.pageCount();
      examined = answer.examined();
      pages.add(answer.page());
      progress.done(answer.page(), examined);
    }
    return OcrResult.summarize(pages, pageCount, engineOr(engine), cancellation.isCancelled());
  }

  /** Told about each page as it is done. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param page the page just done
     * @param examined pages that will be examined in all (the page cap applied)
     */
    void done(OcrPage page, int examined);

    /** Progress from a consumer of pages. */
    static Progress of(Consumer<OcrPage> pages) {
      return (page, examined) -> pages.accept(page);
    }
  }

  private OcrProtocol.PageAnswer ask(OcrProtocol.PageRequest request)
      throws ChildFailure, InterruptedException, IOException {
    byte[] answer = pool.call(OcrProtocol.request(request));
    try {
      return OcrProtocol.readAnswer(answer);
    } catch (RuntimeException e) {
      throw new IOException("unreadable answer: " + e, e);
    }
  }

  private EngineStatus engineOr(EngineStatus engine) {
    return engine != null ? engine : status();
  }

  private OcrResult failed(ChildFailure e, EngineStatus engine) {
    return new OcrResult(OcrResult.Status.FAILED, failure(e), e.getMessage(), 0, List.of(), engine);
  }

  private static OcrFailure failure(ChildFailure e) {
    return switch (e.kind()) {
      case TIMED_OUT -> OcrFailure.PAGE_TIMED_OUT;
      case OUT_OF_MEMORY -> OcrFailure.IMAGE_TOO_LARGE;
      case CRASHED -> OcrFailure.ENGINE_FAILED;
      case CLOSED -> OcrFailure.CANCELLED;
    };
  }

  private static OcrPage notRead(int number, OcrFailure failure, String detail) {
    return new OcrPage(
        number, OcrPage.Kind.NOT_READ, "", Double.NaN, failure, detail, Duration.ZERO);
  }

  /** Kills the children; reads in progress end as cancelled or failed. */
  @Override
  public void close() {
    pool.close();
    probe.close();
  }
}
