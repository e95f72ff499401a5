package vn.tangthu.archive.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The ordered change log (transactional outbox). Writers call {@link #append} as the last step of
 * their transaction: the row lock on {@code outbox_position} is held until commit, so positions are
 * gapless and in commit order, and a reader that remembers the last position it applied never skips
 * an event.
 */
@RegisterConstructorMapper(OutboxEvent.class)
public interface OutboxDao {

  @SqlQuery("UPDATE outbox_position SET position = position + :n WHERE id = 1 RETURNING position")
  long reserve(@Bind("n") int n);

  @SqlUpdate(
      "INSERT INTO outbox (position, record_id, kind, created_at)"
          + " VALUES (:position, :recordId, :kind, :now)")
  void insert(
      @Bind("position") long position,
      @Bind("recordId") UUID recordId,
      @Bind("kind") String kind,
      @Bind("now") Instant now);

  /** Appends one event per record, in list order; returns the position of the last one. */
  default long append(List<UUID> recordIds, String kind, Instant now) {
    long last = reserve(recordIds.size());
    long position = last - recordIds.size();
    for (UUID id : recordIds) {
      insert(++position, id, kind, now);
    }
    return last;
  }

  @SqlQuery(
      "SELECT position, record_id, kind FROM outbox WHERE position > :after ORDER BY position"
          + " LIMIT :limit")
  List<OutboxEvent> after(@Bind("after") long after, @Bind("limit") int limit);

  @SqlQuery("SELECT position FROM outbox_position WHERE id = 1")
  long head();
}
