package vn.tangthu.indexer.ocr;

import java.time.Duration;

/**
 * Reads the text of one page image. Implementations are thread-safe (several pages may be read at
 * once), hold no state between pages, and never throw for a bad page: every outcome, including an
 * absent engine, a time-out and a cancellation, is a {@link PageReading}. Meant to run inside an
 * isolated extraction process; what the engine needs beyond the JVM (a native process) is stopped
 * when the page's time is up or the reading is cancelled.
 */
public interface OcrEngine extends AutoCloseable {

  /** Whether the engine can read pages now (checked again while it is absent). */
  EngineStatus status();

  /**
   * Reads one page.
   *
   * @param page the page image, within the pixel limit
   * @param timeLimit wall-clock time the page may take; the engine is stopped after it
   * @param cancellation stops the reading early when cancelled
   * @return the text with its confidence, or why the page was not read ({@link
   *     OcrFailure#ENGINE_ABSENT} when the engine or a language model is missing)
   */
  PageReading read(PageImage page, Duration timeLimit, Cancellation cancellation);

  /** Stops every page being read and releases the engine's threads. */
  @Override
  void close();
}
