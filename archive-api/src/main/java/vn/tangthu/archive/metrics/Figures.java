package vn.tangthu.archive.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * The archive's figures read from PostgreSQL at one moment (see {@link FiguresDao}).
 *
 * @param records records by status ({@code ACTIVE}, {@code DISPOSED}, {@code TRANSFERRED})
 * @param bytes the originals' bytes by record status
 * @param extractionQueue active records whose text is still to be extracted
 * @param extractionFailures active records whose text could not be extracted
 * @param evidenceBacklog active records not sealed into an evidence record yet
 * @param sweeps disposition sweeps by status
 * @param checks online checks not done, by status ({@code QUEUED}, {@code RUNNING})
 * @param changeLogHead the newest change-log (outbox) position
 * @param imports what the import jobs report ({@link ImportFigures#NONE} without an import feature)
 * @param readAt when they were read
 */
public record Figures(
    Map<String, Long> records,
    Map<String, Long> bytes,
    long extractionQueue,
    long extractionFailures,
    long evidenceBacklog,
    Map<String, Long> sweeps,
    Map<String, Long> checks,
    long changeLogHead,
    ImportFigures imports,
    Instant readAt) {

  public Figures {
    records = Map.copyOf(records);
    bytes = Map.copyOf(bytes);
    sweeps = Map.copyOf(sweeps);
    checks = Map.copyOf(checks);
  }

  /** Before the first read: everything zero. */
  static final Figures NONE =
      new Figures(
          Map.of(), Map.of(), 0, 0, 0, Map.of(), Map.of(), 0, ImportFigures.NONE, Instant.EPOCH);
}
