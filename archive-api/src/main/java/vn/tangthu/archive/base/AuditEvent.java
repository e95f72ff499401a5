package vn.tangthu.archive.base;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One security-relevant event, before the trail gives it an id, a time and a hash.
 *
 * <p>Structural fields are validated ({@link IllegalArgumentException} when wrong: a programming
 * error). Free-text fields may carry what a client sent (a username that failed to log in, a search
 * query) and are made safe instead of refused, so an audit entry can always be written: blank
 * becomes null, NUL and unpaired surrogates become U+FFFD (PostgreSQL could not store them exactly,
 * and the hash must survive the round trip), and over-long values are cut to their limit at a code
 * point boundary, ending with "…".
 *
 * @param actor the username, or {@link #ANONYMOUS} when no one was authenticated
 * @param roles the caller's roles (empty when anonymous)
 * @param agencyCode whose trail the entry belongs to: the caller's agency; for a caller without one
 *     (the built-in admin) the agency of what was acted on, where there is one ({@link
 *     #concerning}); null otherwise (anonymous callers, the admin's searches and listings). An
 *     AUDITOR sees the entries of their agency tree only; entries without an agency, ADMIN only
 * @param action what was attempted, {@code UPPER_SNAKE_CASE} (see the constants here)
 * @param targetType what kind of thing was acted on ({@code RECORD}, {@code TOKEN}, …), or null
 * @param targetId which one, or null
 * @param outcome how it ended
 * @param clientAddress the client's IP address as the server saw it, or null
 * @param details a few extra facts, at most {@value #MAX_DETAILS}; keys match {@code
 *     [A-Za-z0-9_.-]{1,64}}; kept in key order
 */
public record AuditEvent(
    String actor,
    Set<Role> roles,
    String agencyCode,
    String action,
    String targetType,
    String targetId,
    AuditOutcome outcome,
    String clientAddress,
    Map<String, String> details) {

  public static final String ANONYMOUS = "(anonymous)";
  public static final String RECORD = "RECORD";

  public static final String RECORD_CREATE = "RECORD_CREATE";
  public static final String RECORD_READ = "RECORD_READ";
  public static final String RECORD_LIST = "RECORD_LIST";
  public static final String CONTENT_DOWNLOAD = "CONTENT_DOWNLOAD";
  public static final String TEXT_READ = "TEXT_READ";
  public static final String SEARCH = "SEARCH";
  public static final String AUTH_FAILED = "AUTH_FAILED";
  public static final String TOKEN_CREATE = "TOKEN_CREATE";
  public static final String TOKEN_REVOKE = "TOKEN_REVOKE";
  public static final String USER_CREATE = "USER_CREATE";
  public static final String AGENCY_CREATE = "AGENCY_CREATE";
  public static final String AGENCY_POLICY = "AGENCY_POLICY";
  public static final String AGENCY_UPDATE = "AGENCY_UPDATE";
  public static final String IMPORT_CREATE = "IMPORT_CREATE";
  public static final String IMPORT_CANCEL = "IMPORT_CANCEL";
  public static final String IMPORT_FINISH = "IMPORT_FINISH";
  public static final String GRANT_CREATE = "GRANT_CREATE";
  public static final String GRANT_REVOKE = "GRANT_REVOKE";
  public static final String RECORD_CORRECT = "RECORD_CORRECT";
  public static final String HISTORY_READ = "HISTORY_READ";
  public static final String EVIDENCE_READ = "EVIDENCE_READ";
  public static final String HOLD_PLACE = "HOLD_PLACE";
  public static final String HOLD_RELEASE = "HOLD_RELEASE";
  public static final String SWEEP_PLAN = "SWEEP_PLAN";
  public static final String SWEEP_APPROVE = "SWEEP_APPROVE";
  public static final String RECORD_DISPOSE = "RECORD_DISPOSE";
  public static final String RECORD_TRANSFER = "RECORD_TRANSFER";
  public static final String AUDIT_LIST = "AUDIT_LIST";
  public static final String AUDIT_VERIFY = "AUDIT_VERIFY";
  public static final String EXTRACTION_REOPEN = "EXTRACTION_REOPEN";

  public static final int MAX_DETAILS = 32;
  static final int MAX_NAME = 200;
  static final int MAX_ID = 500;
  static final int MAX_VALUE = 2000;

  private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public AuditEvent {
    actor = clean(actor, MAX_NAME);
    if (actor == null) {
      throw new IllegalArgumentException("actor is required (use ANONYMOUS)");
    }
    roles = roles == null ? Set.of() : Set.copyOf(new TreeSet<>(roles));
    agencyCode = clean(agencyCode, MAX_NAME);
    if (action == null || !ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("action must be UPPER_SNAKE_CASE: " + action);
    }
    targetType = clean(targetType, MAX_NAME);
    targetId = clean(targetId, MAX_ID);
    Objects.requireNonNull(outcome, "outcome");
    clientAddress = clean(clientAddress, MAX_NAME);
    details = cleanDetails(details);
  }

  /** An event done by an authenticated caller, without details. */
  public static AuditEvent of(
      Caller caller,
      String action,
      String targetType,
      String targetId,
      AuditOutcome outcome,
      String clientAddress) {
    return new AuditEvent(
        caller.username(),
        caller.roles(),
        caller.agencyCode(),
        action,
        targetType,
        targetId,
        outcome,
        clientAddress,
        Map.of());
  }

  /** An event with no authenticated caller (a failed authentication). */
  public static AuditEvent anonymous(String action, AuditOutcome outcome, String clientAddress) {
    return new AuditEvent(
        ANONYMOUS, Set.of(), null, action, null, null, outcome, clientAddress, Map.of());
  }

  /** A copy with one more detail (a null value removes the key). */
  public AuditEvent withDetail(String key, Object value) {
    Map<String, String> d = new LinkedHashMap<>(details);
    if (value == null) {
      d.remove(key);
    } else {
      d.put(key, String.valueOf(value));
    }
    return new AuditEvent(
        actor, roles, agencyCode, action, targetType, targetId, outcome, clientAddress, d);
  }

  /**
   * A copy accounted to {@code agency} when the event has no agency of its own (the built-in admin
   * acts for none), so that agency's auditors see what was done to its records, users and sweeps.
   * An event that has an agency (its caller's) keeps it; a null {@code agency} changes nothing.
   */
  public AuditEvent concerning(String agency) {
    if (agencyCode != null || agency == null) {
      return this;
    }
    return new AuditEvent(
        actor, roles, agency, action, targetType, targetId, outcome, clientAddress, details);
  }

  /** The roles as stored and hashed: names in ascending order, joined by commas. */
  public String rolesText() {
    return joinRoles(roles);
  }

  static String joinRoles(Collection<Role> roles) {
    return String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList()));
  }

  private static Map<String, String> cleanDetails(Map<String, String> details) {
    if (details == null || details.isEmpty()) {
      return Map.of();
    }
    if (details.size() > MAX_DETAILS) {
      throw new IllegalArgumentException("at most " + MAX_DETAILS + " details");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    details.forEach(
        (k, v) -> {
          if (k == null || !KEY.matcher(k).matches()) {
            throw new IllegalArgumentException("detail key must match " + KEY + ": " + k);
          }
          String value = clean(v, MAX_VALUE);
          sorted.put(k, value == null ? "" : value);
        });
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }

  /**
   * Blank to null; NUL and unpaired surrogates to U+FFFD; cut to {@code max} UTF-16 units at a code
   * point boundary, the last being "…".
   */
  static String clean(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp ->
                b.appendCodePoint(
                    cp == 0 || (cp <= 0xFFFF && Character.isSurrogate((char) cp)) ? 0xFFFD : cp));
    if (b.length() <= max) {
      return b.toString();
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(b.charAt(cut - 1))) {
      cut--;
    }
    return b.substring(0, cut) + "…";
  }
}
