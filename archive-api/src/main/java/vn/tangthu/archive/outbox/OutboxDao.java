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
 *
 * <p>A change that can take a record out of someone's sight (an access level changed to anything
 * but PUBLIC, a grant revoked, a record disposed or transferred) appends with {@link
 * #appendNarrowing} instead: it also moves {@link #narrowed()} to its position, in the same commit,
 * and every search waits until its node's index has applied that position ({@link
 * VisibilityFence}). A change that only adds records or widens what is visible uses {@link
 * #append}.
 */
@RegisterConstructorMapper(OutboxEvent.class)
public interface OutboxDao {

  @SqlQuery("UPDATE outbox_position SET position = position + :n WHERE id = 1 RETURNING position")
  long reserve(@Bind("n") int n);

  @SqlQuery(
      "UPDATE outbox_position SET position = position + :n, narrowed = position + :n WHERE id = 1"
          + " RETURNING position")
  long reserveNarrowing(@Bind("n") int n);

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
    return insertAll(reserve(recordIds.size()), recordIds, kind, now);
  }

  /**
   * Appends like {@link #append} a change that may narrow who sees these records, and makes it the
   * position every search waits for; returns the position of the last event.
   */
  default long appendNarrowing(List<UUID> recordIds, String kind, Instant now) {
    return insertAll(reserveNarrowing(recordIds.size()), recordIds, kind, now);
  }

  private long insertAll(long last, List<UUID> recordIds, String kind, Instant now) {
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

  /** The position of the newest change that narrowed some record's visibility (0: none). */
  @SqlQuery("SELECT narrowed FROM outbox_position WHERE id = 1")
  long narrowed();
}
