package vn.tangthu.archive.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * The three-agency world of the access matrix: agency A, its child B, and C, unrelated to both; a
 * user of every role in each, and the built-in admin; a record of every access level in each, all
 * three in the agency's own dossier {@code M3-HS-<agency>} of the agency's own series {@code
 * M3-<agency>} (100 years: nothing is ever eligible, so sweeps stay empty and executing them
 * destroys nothing). The rules here are the contract's, written out for these three agencies.
 */
final class ThreeAgencies {

  /** The three agencies. */
  enum Ag {
    A(null),
    B("A"),
    C(null);

    final String parent;

    Ag(String parent) {
      this.parent = parent;
    }

    String code() {
      return "M3" + name();
    }

    String dossier() {
      return "M3-HS-" + name();
    }

    String series() {
      return "M3-" + name();
    }
  }

  enum Level {
    PUBLIC,
    INTERNAL,
    RESTRICTED
  }

  static final List<String> ROLES =
      List.of("SUBMITTER", "CLERK", "ARCHIVIST", "APPROVER", "AUDITOR", "ADMIN");

  /** A caller: a role in one agency, or the built-in admin (agency null). */
  record User(String role, Ag agency) {
    boolean admin() {
      return role.equals("ADMIN");
    }

    boolean has(String r) {
      return admin() || role.equals(r);
    }

    String name() {
      return ("m3-" + role + "-" + agency).toLowerCase();
    }

    @Override
    public String toString() {
      return admin() ? "ADMIN" : role + "@" + agency;
    }

    /** Whether this user reads the records of {@code owner} at {@code level}. */
    boolean reads(Ag owner, Level level) {
      return admin()
          || switch (level) {
            case PUBLIC -> true;
            case INTERNAL -> within(owner);
            case RESTRICTED -> agency == owner;
          };
    }

    /** Whether {@code owner} is this user's agency or below it (A acts for B). */
    boolean within(Ag owner) {
      return admin() || agency == owner || (agency == Ag.A && owner == Ag.B);
    }

    /** Whether this user acts with {@code r} for {@code owner}. */
    boolean actsFor(String r, Ag owner) {
      return admin() || (role.equals(r) && within(owner));
    }

    /** Whether this user has a role that sees sweeps and holds. */
    boolean retentionReader() {
      return admin() || Set.of("ARCHIVIST", "APPROVER", "AUDITOR").contains(role);
    }

    /** The agencies whose trail this user reads: null for all (ADMIN). */
    Set<String> auditScope() {
      if (admin()) {
        return null;
      }
      return agency == Ag.A ? Set.of(Ag.A.code(), Ag.B.code()) : Set.of(agency.code());
    }
  }

  /** The word every matrix record's text carries, and no other record. */
  static final String WORD = "zz3matrix";

  /** A search B's clerk runs once; no one outside A and B may learn of it from the trail. */
  static final String SECRET_SEARCH = "zz3bimat";

  private final RunningArchive archive;
  final String admin;
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<Ag, Map<Level, String>> records = new EnumMap<>(Ag.class);
  private final Map<String, String> sha256 = new HashMap<>();
  private final List<SetupHold> holds = new ArrayList<>();
  private final Map<Ag, String> planned = new EnumMap<>(Ag.class);
  private final Map<Ag, JsonNode> executed = new EnumMap<>(Ag.class);
  private int counter;

  ThreeAgencies(RunningArchive archive) throws Exception {
    this.archive = archive;
    this.admin = archive.adminToken();
    for (Ag a : Ag.values()) {
      ok(
          archive.postJson(
              "agencies",
              admin,
              "{\"code\":\""
                  + a.code()
                  + "\",\"name\":\"Cơ quan "
                  + a
                  + "\""
                  + (a.parent == null ? "" : ",\"parentCode\":\"M3" + a.parent + "\"")
                  + "}"));
      for (String role : ROLES.subList(0, ROLES.size() - 1)) {
        user(new User(role, a));
      }
      ok(schedule(admin, a.series(), "100y"));
      ok(dossier(admin, a.dossier(), a));
    }
    tokens.put(new User("ADMIN", null).name(), admin);
    for (Ag a : Ag.values()) {
      Map<Level, String> ids = new EnumMap<>(Level.class);
      for (Level level : Level.values()) {
        JsonNode r = record(a, level, a.dossier(), null, WORD + " " + a + level, true);
        ids.put(level, r.get("id").asText());
        sha256.put(r.get("id").asText(), r.get("sha256").asText());
      }
      records.put(a, ids);
    }
    ok(archive.get("search?q=" + SECRET_SEARCH, token(new User("CLERK", Ag.B))));
    for (Ag a : Ag.values()) {
      String placed =
          RunningArchive.json(ok(hold(token(new User("ARCHIVIST", a)), record(a, Level.PUBLIC))))
              .get("id")
              .asText();
      holds.add(new SetupHold(placed, a, a));
      planned.put(a, plannedSweep(a));
      executed.put(a, executedSweep(a));
    }
    String byAdmin =
        RunningArchive.json(ok(hold(admin, record(Ag.B, Level.PUBLIC)))).get("id").asText();
    holds.add(new SetupHold(byAdmin, null, Ag.B));
  }

  /**
   * A hold of the setup on the dossier of {@code holds} (all three records), placed by an archivist
   * of {@code placedBy}, or by the admin when null.
   */
  record SetupHold(String id, Ag placedBy, Ag holds) {

    /** Whether {@code u} sees it: it was placed within their scope, or by the admin on theirs. */
    boolean seenBy(User u) {
      return u.admin() || (u.retentionReader() && u.within(placedBy == null ? holds : placedBy));
    }

    /** How many of its records {@code u} reads. */
    int countFor(User u) {
      int n = 0;
      for (Level l : Level.values()) {
        n += u.reads(holds, l) ? 1 : 0;
      }
      return n;
    }
  }

  /** The holds placed at setup: one by each agency's archivist on its dossier, one by the admin. */
  List<SetupHold> holds() {
    return List.copyOf(holds);
  }

  /** A sweep of {@code a} planned by the admin at setup, never approved. */
  String setupPlanned(Ag a) {
    return planned.get(a);
  }

  /** A sweep of {@code a} executed at setup (empty), with its destruction certificate. */
  JsonNode setupExecuted(Ag a) {
    return executed.get(a);
  }

  /** Every user of the matrix, the admin last. */
  static List<User> users() {
    List<User> all = new ArrayList<>();
    for (Ag a : Ag.values()) {
      for (String role : ROLES.subList(0, ROLES.size() - 1)) {
        all.add(new User(role, a));
      }
    }
    all.add(new User("ADMIN", null));
    return all;
  }

  String token(User u) {
    return tokens.get(u.name());
  }

  String record(Ag owner, Level level) {
    return records.get(owner).get(level);
  }

  String sha256(String id) {
    return sha256.get(id);
  }

  /** The matrix records {@code u} reads. */
  List<String> readable(User u) {
    List<String> out = new ArrayList<>();
    for (Ag a : Ag.values()) {
      for (Level level : Level.values()) {
        if (u.reads(a, level)) {
          out.add(record(a, level));
        }
      }
    }
    return out;
  }

  private void user(User u) throws Exception {
    ok(
        archive.postJson(
            "users",
            admin,
            "{\"username\":\""
                + u.name()
                + "\",\"displayName\":\""
                + u.name()
                + "\",\"agencyCode\":\""
                + u.agency().code()
                + "\",\"roles\":[\""
                + u.role()
                + "\"]}"));
    tokens.put(
        u.name(),
        RunningArchive.json(ok(archive.postJson("users/" + u.name() + "/tokens", admin, "{}")))
            .get("token")
            .asText());
  }

  HttpResponse<String> schedule(String token, String series, String period) throws Exception {
    return archive.putJson(
        "retention/schedules/" + series,
        token,
        "{\"title\":\"Nhóm "
            + series
            + "\",\"period\":\""
            + period
            + "\",\"action\":\"DESTROY\",\"legalBasis\":\"Thông tư 10/2022/TT-BNV\"}");
  }

  /** {@code PUT /dossiers/{fileCode}} for {@code agency}, of the agency's series, ended 2010. */
  HttpResponse<String> dossier(String token, String fileCode, Ag agency) throws Exception {
    return dossier(token, fileCode, agency, agency.series(), "2010-06-30");
  }

  HttpResponse<String> dossier(
      String token, String fileCode, Ag agency, String series, String endDate) throws Exception {
    return archive.putJson(
        "dossiers/" + fileCode,
        token,
        "{\"agencyCode\":\""
            + agency.code()
            + "\",\"title\":\"Hồ sơ "
            + fileCode
            + "\",\"seriesCode\":\""
            + series
            + "\",\"startDate\":\"2009-01-05\",\"endDate\":\""
            + endDate
            + "\"}");
  }

  /**
   * Stores a record of {@code owner} as the admin (in {@code fileCode}, or of the agency's series
   * when null) and returns it; searchable on return when {@code indexed}.
   */
  JsonNode record(
      Ag owner, Level level, String fileCode, String series, String text, boolean indexed)
      throws Exception {
    HttpResponse<String> r = upload(admin, owner, level, fileCode, series, text, indexed);
    return RunningArchive.json(ok(r));
  }

  HttpResponse<String> upload(
      String token,
      Ag owner,
      Level level,
      String fileCode,
      String series,
      String text,
      boolean indexed)
      throws Exception {
    int n = ++counter;
    String meta =
        "{\"agencyCode\":\""
            + owner.code()
            + "\",\"subject\":\"Văn bản ma trận ba cơ quan "
            + n
            + "\",\"typeName\":\"Công văn\",\"issuedDate\":\"2009-05-01\",\"accessLevel\":\""
            + level
            + "\",\"workEndDate\":\"2010-06-30\""
            + (fileCode == null ? "" : ",\"fileCode\":\"" + fileCode + "\"")
            + ",\"seriesCode\":\""
            + (series == null ? owner.series() : series)
            + "\"}";
    return archive.upload(
        indexed ? "records?wait=indexed" : "records",
        token,
        new Multipart()
            .json("metadata", meta)
            .bytes(
                "file",
                ("Nội dung " + text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                "m3-" + n + ".txt"));
  }

  /** {@code POST /holds} on listed records. */
  HttpResponse<String> hold(String token, String... ids) throws Exception {
    return archive.postJson(
        "holds",
        token,
        "{\"name\":\"Thanh tra\",\"reason\":\"Ma trận ba cơ quan\",\"authority\":\"Thanh tra"
            + " tỉnh\",\"recordIds\":[\""
            + String.join("\",\"", ids)
            + "\"]}");
  }

  HttpResponse<String> release(String token, String holdId) throws Exception {
    return archive.delete("holds/" + holdId, token, "{\"reason\":\"xong\"}");
  }

  /** A sweep of {@code agency} planned by the admin as of today (empty: nothing is eligible). */
  String plannedSweep(Ag agency) throws Exception {
    return RunningArchive.json(
            ok(
                archive.postJson(
                    "retention/sweeps", admin, "{\"agencyCode\":\"" + agency.code() + "\"}")))
        .get("id")
        .asText();
  }

  /** A sweep of {@code agency} planned by the admin and approved by an approver acting for it. */
  String approvedSweep(Ag agency) throws Exception {
    String id = plannedSweep(agency);
    User approver = new User("APPROVER", agency == Ag.B ? Ag.A : agency);
    ok(archive.postJson("retention/sweeps/" + id + "/approve", token(approver), "{}"));
    return id;
  }

  /** An approved sweep of {@code agency}, executed by the admin; returns the sweep. */
  JsonNode executedSweep(Ag agency) throws Exception {
    String id = approvedSweep(agency);
    return RunningArchive.json(
        ok(archive.postJson("retention/sweeps/" + id + "/execute", admin, "{}")));
  }

  static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return r;
  }
}
