package vn.tangthu.archive.retention;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.retention.schedule.StarterSchedule;

/**
 * Loads the shipped starter schedule into an empty {@code retention_schedules} table; entries that
 * were not checked against the legal text keep {@code verified=false} and their note.
 */
public final class StarterSchedules {

  /** Who the audit columns name for the starter rows. */
  public static final String LOADER = "starter-schedule";

  private StarterSchedules() {}

  /** Loads the starter schedule when the table is empty; returns how many rows it inserted. */
  public static int loadIfEmpty(Jdbi jdbi, Clock clock) {
    return jdbi.inTransaction(
        h -> {
          ScheduleDao dao = h.attach(ScheduleDao.class);
          dao.lock();
          if (dao.count() > 0) {
            return 0;
          }
          List<ScheduleRow> rows =
              StarterSchedule.load().stream()
                  .map(s -> ScheduleRow.of(s, clock.instant(), LOADER))
                  .toList();
          dao.insertAll(rows);
          return rows.size();
        });
  }
}
