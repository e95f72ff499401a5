package vn.tangthu.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StarterScheduleTest {

  /** One row of shared/data/tt10-2022-known-rows.tsv. */
  record KnownRow(String group, String name, String period, String source) {
    boolean secondary() {
      return source.startsWith("SECONDARY");
    }
  }

  static List<KnownRow> knownRows() throws IOException {
    Path file = sharedDir().resolve("data/tt10-2022-known-rows.tsv");
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank() && !l.startsWith("group\t"))
        .map(l -> l.split("\t", -1))
        .map(f -> new KnownRow(f[0], f[1], f[2], f[3]))
        .toList();
  }

  static Path sharedDir() {
    Path root = Path.of(System.getProperty("tangthu.root", ".")).toAbsolutePath();
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("../shared/data"))) {
        return p.resolve("../shared").normalize();
      }
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("../shared/data"))) {
        return p.resolve("../shared").normalize();
      }
    }
    throw new IllegalStateException("no ../shared/data above " + root + " or " + cwd);
  }

  private static final Pattern YEARS_VI = Pattern.compile("(\\d+) năm");

  private static RetentionPeriod periodOf(KnownRow row) {
    if (row.period().equalsIgnoreCase("Vĩnh viễn")) {
      return RetentionPeriod.PERMANENT;
    }
    Matcher m = YEARS_VI.matcher(row.period());
    assertThat(m.matches()).as("period %s", row.period()).isTrue();
    return RetentionPeriod.ofYears(Integer.parseInt(m.group(1)));
  }

  @Test
  void everyShippedRowParses() {
    List<Schedule> schedules = StarterSchedule.load();
    assertThat(schedules).hasSizeGreaterThanOrEqualTo(10);
    assertThat(schedules).allSatisfy(s -> assertThat(s.legalBasis()).contains("10/2022/TT-BNV"));
  }

  @Test
  void everyVerifiedRowMatchesAKnownPrimaryRow() throws IOException {
    List<KnownRow> known = knownRows();
    List<Schedule> verified = StarterSchedule.load().stream().filter(Schedule::verified).toList();
    assertThat(verified).isNotEmpty();
    for (Schedule s : verified) {
      Optional<KnownRow> row = known.stream().filter(k -> k.name().equals(s.title())).findFirst();
      assertThat(row).as("known row for %s", s.seriesCode()).isPresent();
      assertThat(row.get().secondary())
          .as("%s rests on a secondary source", s.seriesCode())
          .isFalse();
      assertThat(s.period()).as("period of %s", s.seriesCode()).isEqualTo(periodOf(row.get()));
      assertThat(s.legalBasis()).contains(row.get().group());
    }
  }

  @Test
  void everyPrimaryKnownRowIsShippedVerified() throws IOException {
    List<Schedule> schedules = StarterSchedule.load();
    for (KnownRow k : knownRows()) {
      if (k.secondary()) {
        continue;
      }
      assertThat(schedules)
          .as("known row %s", k.name())
          .anySatisfy(
              s -> {
                assertThat(s.title()).isEqualTo(k.name());
                assertThat(s.verified()).isTrue();
              });
    }
  }

  @Test
  void unverifiedRowsSayTheyAreExamples() {
    assertThat(StarterSchedule.load().stream().filter(s -> !s.verified()))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.note()).startsWith(Schedule.UNVERIFIED_NOTE));
  }

  @Test
  void badFilesAreRefusedWithTheLineNumber() {
    String header = StarterSchedule.HEADER + "\n";
    assertThatThrownBy(() -> StarterSchedule.parse(new StringReader("a\tb\n")))
        .hasMessageContaining("line 1")
        .hasMessageContaining("header");
    assertThatThrownBy(
            () -> StarterSchedule.parse(new StringReader(header + "X\tt\t10y\tDESTROY\tb\ttrue\n")))
        .hasMessageContaining("line 2")
        .hasMessageContaining("columns");
    assertThatThrownBy(
            () ->
                StarterSchedule.parse(
                    new StringReader(header + "X\tt\t10 năm\tDESTROY\tb\ttrue\t\n")))
        .hasMessageContaining("line 2")
        .hasMessageContaining("retention period");
    assertThatThrownBy(
            () -> StarterSchedule.parse(new StringReader(header + "X\tt\t10y\tBURN\tb\ttrue\t\n")))
        .hasMessageContaining("action");
    assertThatThrownBy(
            () ->
                StarterSchedule.parse(new StringReader(header + "X\tt\t10y\tDESTROY\tb\tyes\t\n")))
        .hasMessageContaining("verified");
    assertThatThrownBy(
            () ->
                StarterSchedule.parse(
                    new StringReader(
                        header
                            + "X\tt\t10y\tDESTROY\tb\ttrue\t\n"
                            + "X\tu\t5y\tDESTROY\tb\ttrue\t\n")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> StarterSchedule.parse(new StringReader("# only a comment\n")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
