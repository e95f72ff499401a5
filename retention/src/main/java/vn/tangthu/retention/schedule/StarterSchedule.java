package vn.tangthu.retention.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The starter schedule shipped with the archive: common series of provincial agencies, each citing
 * its legal source. Entries that could not be checked against the legal text are marked {@code
 * verified=false} and carry the note {@value Schedule#UNVERIFIED_NOTE}.
 *
 * <p>File format (UTF-8, tab-separated, {@code #} comment lines): header {@value #HEADER}, then one
 * schedule per line. Stateless; thread-safe.
 */
public final class StarterSchedule {
  /** The classpath resource holding the starter schedule. */
  public static final String RESOURCE = "/vn/tangthu/retention/starter-schedule.tsv";

  /** The exact header line. */
  public static final String HEADER =
      "series_code\ttitle\tperiod\taction\tlegal_basis\tverified\tnote";

  private static final int COLUMNS = 7;

  private StarterSchedule() {}

  /**
   * Loads the shipped starter schedule.
   *
   * @throws IllegalStateException when the resource is missing or invalid (a packaging bug)
   */
  public static List<Schedule> load() {
    try (InputStream in = StarterSchedule.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a schedule file.
   *
   * @throws IllegalArgumentException naming the line, for a wrong header, a wrong number of
   *     columns, an invalid field or a duplicate series code
   * @throws UncheckedIOException when reading fails
   */
  public static List<Schedule> parse(Reader source) {
    List<Schedule> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean header = false;
    try (BufferedReader in = new BufferedReader(source)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          if (!line.equals(HEADER)) {
            throw new IllegalArgumentException("line " + n + ": expected header " + HEADER);
          }
          header = true;
          continue;
        }
        Schedule s = parseLine(line, n);
        if (!seen.add(s.seriesCode())) {
          throw new IllegalArgumentException(
              "line " + n + ": duplicate series code " + s.seriesCode());
        }
        out.add(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!header) {
      throw new IllegalArgumentException("no header line " + HEADER);
    }
    return List.copyOf(out);
  }

  private static Schedule parseLine(String line, int n) {
    String[] f = line.split("\t", -1);
    if (f.length != COLUMNS) {
      throw new IllegalArgumentException(
          "line " + n + ": expected " + COLUMNS + " tab-separated columns, got " + f.length);
    }
    try {
      return new Schedule(
          f[0], f[1], RetentionPeriod.parse(f[2]), action(f[3]), f[4], bool(f[5]), f[6]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + n + ": " + e.getMessage(), e);
    }
  }

  private static DispositionAction action(String text) {
    for (DispositionAction a : DispositionAction.values()) {
      if (a.name().equals(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "action must be DESTROY, TRANSFER or REVIEW, got \"" + text + "\"");
  }

  private static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "verified must be true or false, got \"" + text + "\"");
    };
  }
}
