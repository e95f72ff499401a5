package vn.tangthu.archive.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tangthu.archive.access.ThreeAgencies.Ag;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Every role × every relation to the owning agency × every access level × every endpoint that
 * returns record data or acts on records, against the contract's visibility rule: allowed, or 404
 * (hidden) / 403 (visible but not allowed to act). Search totals and facet counts must equal what
 * the caller may read.
 *
 * <p>The three-agency case ({@link ThreeAgencies}: parent A, child B, unrelated C, every role in
 * each and the admin) runs every endpoint that reads, lists, counts, holds, retains, sweeps,
 * exports or audits, and the cross-agency attacks on retention, holds and the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

  /** How the caller's agency relates to the record's owner. */
  enum Relation {
    OWN("DEPT", "DEPT"),
    ANCESTOR("PROV", "DEPT"),
    DESCENDANT("COMMUNE", "DEPT"),
    SIBLING("SIB", "DEPT"),
    UNRELATED("OTHER", "DEPT"),
    SUCCESSOR("SUCC", "OLDDEPT");

    final String userAgency;
    final String owner;

    Relation(String userAgency, String owner) {
      this.userAgency = userAgency;
      this.owner = owner;
    }

    /** The caller counts as a user of the owning agency (itself or by succession). */
    boolean isOwner() {
      return this == OWN || this == SUCCESSOR;
    }

    /** The caller's agency is the owner or one of its ancestors (or inherits the owner's). */
    boolean seesInternal() {
      return isOwner() || this == ANCESTOR;
    }

    /** The owner lies in the caller's acting scope (its agency, descendants, predecessors). */
    boolean actsForOwner() {
      return isOwner() || this == ANCESTOR;
    }
  }

  enum Level {
    PUBLIC,
    INTERNAL,
    RESTRICTED,
    RESTRICTED_GRANTED
  }

  static final List<String> ROLES =
      List.of("SUBMITTER", "CLERK", "ARCHIVIST", "APPROVER", "AUDITOR");

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, Map<Level, String>> records = new HashMap<>();
  private ThreeAgencies three;

  @BeforeAll
  void setUp() throws Exception {
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    agency("{\"code\":\"PROV\",\"name\":\"UBND tỉnh\"}");
    agency("{\"code\":\"DEPT\",\"name\":\"Sở Nội vụ\",\"parentCode\":\"PROV\"}");
    agency("{\"code\":\"COMMUNE\",\"name\":\"UBND xã\",\"parentCode\":\"DEPT\"}");
    agency("{\"code\":\"SIB\",\"name\":\"Sở Tài chính\",\"parentCode\":\"PROV\"}");
    agency("{\"code\":\"OTHER\",\"name\":\"Tỉnh khác\"}");
    agency("{\"code\":\"SUCC\",\"name\":\"Sở mới\",\"parentCode\":\"PROV\"}");
    agency(
        "{\"code\":\"OLDDEPT\",\"name\":\"Sở cũ\",\"parentCode\":\"PROV\",\"validTo\":\"2025-06-30\",\"successorCode\":\"SUCC\"}");
    for (String role : ROLES) {
      for (Relation rel : Relation.values()) {
        String user = user(role, rel);
        ok(
            archive.postJson(
                "users",
                admin,
                "{\"username\":\""
                    + user
                    + "\",\"displayName\":\""
                    + user
                    + "\",\"agencyCode\":\""
                    + rel.userAgency
                    + "\",\"roles\":[\""
                    + role
                    + "\"]}"));
        tokens.put(
            user,
            RunningArchive.json(ok(archive.postJson("users/" + user + "/tokens", admin, "{}")))
                .get("token")
                .asText());
      }
    }
    for (String owner : List.of("DEPT", "OLDDEPT")) {
      Map<Level, String> ids = new EnumMap<>(Level.class);
      for (Level level : Level.values()) {
        String access = level == Level.RESTRICTED_GRANTED ? "RESTRICTED" : level.name();
        String meta =
            "{\"agencyCode\":\""
                + owner
                + "\",\"subject\":\"Ma trận quyền zzmatrix "
                + token(owner, level)
                + "\",\"typeName\":\"Công văn\",\"issuedDate\":\"2024-05-01\",\"accessLevel\":\""
                + access
                + "\"}";
        HttpResponse<String> r =
            archive.upload(
                "records",
                admin,
                new Multipart()
                    .json("metadata", meta)
                    .bytes(
                        "file",
                        ("Nội dung " + token(owner, level)).getBytes(StandardCharsets.UTF_8),
                        "cv.txt"));
        ids.put(level, RunningArchive.json(ok(r)).get("id").asText());
      }
      for (String role : ROLES) {
        for (Relation rel : Relation.values()) {
          ok(
              archive.postJson(
                  "records/" + ids.get(Level.RESTRICTED_GRANTED) + "/grants",
                  admin,
                  "{\"username\":\"" + user(role, rel) + "\"}"));
        }
      }
      records.put(owner, ids);
    }
    // one more upload that waits: when it is searchable, everything before it is too
    ok(
        archive.upload(
            "records?wait=indexed",
            admin,
            new Multipart()
                .json(
                    "metadata",
                    "{\"agencyCode\":\"OTHER\",\"subject\":\"chờ\",\"accessLevel\":\"RESTRICTED\"}")
                .bytes("file", "x".getBytes(StandardCharsets.UTF_8), "x.txt")));
    three = new ThreeAgencies(archive);
  }

  @AfterAll
  void tearDown() {
    archive.close();
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (String role : ROLES) {
      for (Relation rel : Relation.values()) {
        for (Level level : Level.values()) {
          all.add(Arguments.of(role, rel, level));
        }
      }
    }
    return all.stream();
  }

  static boolean mayRead(Relation rel, Level level) {
    return switch (level) {
      case PUBLIC, RESTRICTED_GRANTED -> true;
      case INTERNAL -> rel.seesInternal();
      case RESTRICTED -> rel.isOwner();
    };
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("matrix")
  void readEndpointsFollowTheVisibilityRule(String role, Relation rel, Level level)
      throws Exception {
    String token = tokens.get(user(role, rel));
    String id = records.get(rel.owner).get(level);
    int expected = mayRead(rel, level) ? 200 : 404;
    assertThat(archive.get("records/" + id, token).statusCode()).as("metadata").isEqualTo(expected);
    assertThat(archive.download("records/" + id + "/content", token).statusCode())
        .as("content")
        .isEqualTo(expected);
    assertThat(archive.get("records/" + id + "/text", token).statusCode())
        .as("text")
        .isIn(expected, expected == 200 ? 409 : 404);
    assertThat(archive.get("records/" + id + "/history", token).statusCode())
        .as("history")
        .isEqualTo(expected);
    HttpResponse<String> evidence = archive.get("records/" + id + "/evidence", token);
    if (expected == 200) {
      assertThat(evidence.statusCode() == 200 || evidence.body().contains("EVIDENCE_PENDING"))
          .as("evidence: the record's, or pending")
          .isTrue();
    } else {
      assertThat(evidence.statusCode()).as("evidence hidden").isEqualTo(404);
      assertThat(evidence.body()).doesNotContain("EVIDENCE_PENDING");
    }
    JsonNode page =
        RunningArchive.json(archive.get("records?size=100&agencyCode=" + rel.owner, token));
    assertThat(page.get("items").findValuesAsText("id").contains(id))
        .as("listing")
        .isEqualTo(expected == 200);
    HttpResponse<java.io.InputStream> export =
        archive.download("records/export?q=" + token(rel.owner, level), token);
    assertThat(export.statusCode()).as("export").isEqualTo(200);
    String bag;
    try (java.io.InputStream in = export.body()) {
      bag = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    assertThat(bag.contains(id)).as("BagIt export holds the record").isEqualTo(expected == 200);
    JsonNode search = search(token(rel.owner, level), token);
    assertThat(search.get("total").asLong()).as("search total").isEqualTo(expected == 200 ? 1 : 0);
    assertThat(search.get("hits").findValuesAsText("id").contains(id))
        .as("search hit")
        .isEqualTo(expected == 200);
    assertThat(sum(search.at("/facets/agencyCode"))).as("facet").isEqualTo(expected == 200 ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("matrix")
  void actingEndpointsNeedTheRoleInTheOwnersScope(String role, Relation rel, Level level)
      throws Exception {
    String user = user(role, rel);
    String token = tokens.get(user);
    String id = records.get(rel.owner).get(level);
    int grant =
        archive
            .postJson("records/" + id + "/grants", token, "{\"username\":\"" + user + "\"}")
            .statusCode();
    if (!mayRead(rel, level)) {
      assertThat(grant).as("grant on a hidden record").isEqualTo(404);
    } else {
      boolean allowed = role.equals("ARCHIVIST") && rel.actsForOwner();
      assertThat(grant).as("grant").isEqualTo(allowed ? 201 : 403);
      if (level != Level.RESTRICTED_GRANTED) {
        int revoke = archive.delete("records/" + id + "/grants/" + user, token, null).statusCode();
        assertThat(revoke).as("revoke").isEqualTo(allowed ? 204 : 403);
      }
    }
    HttpResponse<String> hold =
        archive.postJson(
            "holds",
            token,
            "{\"name\":\"Thanh tra\",\"reason\":\"ma trận\",\"authority\":\"Thanh tra tỉnh\","
                + "\"recordIds\":[\""
                + id
                + "\"]}");
    if (!role.equals("ARCHIVIST")) {
      assertThat(hold.statusCode()).as("hold by a non-archivist").isEqualTo(403);
    } else if (!mayRead(rel, level)) {
      assertThat(hold.statusCode()).as("hold on a hidden record").isEqualTo(404);
    } else if (!rel.actsForOwner()) {
      assertThat(hold.statusCode()).as("hold outside the archivist's agencies").isEqualTo(403);
      assertThat(RunningArchive.json(hold).get("code").asText()).isEqualTo("OUTSIDE_AGENCY");
    } else {
      assertThat(hold.statusCode()).as("hold " + hold.body()).isEqualTo(201);
      String holdId = RunningArchive.json(hold).get("id").asText();
      assertThat(archive.delete("holds/" + holdId, token, "{\"reason\":\"xong\"}").statusCode())
          .as("release")
          .isEqualTo(200);
    }
    int patch =
        archive.patchJson("records/" + id, token, "{\"keywords\":\"ma trận\"}").statusCode();
    if (!mayRead(rel, level)) {
      assertThat(patch).as("correction of a hidden record").isEqualTo(404);
    } else {
      boolean corrects =
          (role.equals("ARCHIVIST") || role.equals("SUBMITTER")) && rel.actsForOwner();
      assertThat(patch).as("correction").isEqualTo(corrects ? 200 : 403);
    }
    if (level == Level.PUBLIC) {
      HttpResponse<String> submit =
          archive.upload(
              "records",
              token,
              new Multipart()
                  .json(
                      "metadata", "{\"agencyCode\":\"" + rel.owner + "\",\"subject\":\"Nộp thử\"}")
                  .bytes("file", "y".getBytes(StandardCharsets.UTF_8), "y.txt"));
      boolean allowed = role.equals("SUBMITTER") && rel.actsForOwner();
      assertThat(submit.statusCode()).as("submit " + submit.body()).isEqualTo(allowed ? 201 : 403);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("users")
  void searchTotalsAndFacetsCountOnlyReadableRecords(String role, Relation rel) throws Exception {
    String token = tokens.get(user(role, rel));
    long readable = 0;
    for (String owner : List.of("DEPT", "OLDDEPT")) {
      for (Level level : Level.values()) {
        Relation asSeen = owner.equals(rel.owner) ? rel : relationTo(rel, owner);
        if (mayRead(asSeen, level)) {
          readable++;
        }
      }
    }
    long holdable = 0;
    for (String owner : List.of("DEPT", "OLDDEPT")) {
      Relation asSeen = owner.equals(rel.owner) ? rel : relationTo(rel, owner);
      for (Level level : Level.values()) {
        if (mayRead(asSeen, level) && asSeen.actsForOwner()) {
          holdable++;
        }
      }
    }
    JsonNode result = search("zzmatrix", token);
    assertThat(result.get("total").asLong()).isEqualTo(readable);
    assertThat(sum(result.at("/facets/agencyCode"))).isEqualTo(readable);
    assertThat(sum(result.at("/facets/typeName"))).isEqualTo(readable);
    assertThat(sum(result.at("/facets/year"))).isEqualTo(readable);
    if (role.equals("ARCHIVIST")) {
      HttpResponse<String> hold =
          archive.postJson(
              "holds",
              token,
              "{\"name\":\"Thanh tra\",\"reason\":\"ma trận\",\"authority\":\"Thanh tra\","
                  + "\"query\":\"zzmatrix\"}");
      assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
      assertThat(RunningArchive.json(hold).get("recordCount").asLong())
          .as("a hold by query takes only what the archivist may read and act for")
          .isEqualTo(holdable);
      archive.delete("holds/" + RunningArchive.json(hold).get("id").asText(), token, "{}");
    }
  }

  static Stream<Arguments> users() {
    List<Arguments> all = new ArrayList<>();
    for (String role : ROLES) {
      for (Relation rel : Relation.values()) {
        all.add(Arguments.of(role, rel));
      }
    }
    return all.stream();
  }

  /** How a user placed for {@code rel} relates to the other owner of the fixture. */
  static Relation relationTo(Relation rel, String owner) {
    // DEPT and OLDDEPT are siblings under PROV; SUCC succeeded OLDDEPT.
    return switch (rel) {
      case OWN -> Relation.SIBLING; // DEPT user, OLDDEPT record
      case ANCESTOR -> Relation.ANCESTOR; // PROV is above both
      case DESCENDANT -> Relation.UNRELATED; // COMMUNE is under DEPT only
      case SIBLING -> Relation.SIBLING;
      case UNRELATED -> Relation.UNRELATED;
      case SUCCESSOR -> Relation.SIBLING; // SUCC user, DEPT record
    };
  }

  // ---- the three-agency case: parent A, child B, unrelated C ----

  static Stream<Arguments> threeAgencyRecords() {
    List<Arguments> all = new ArrayList<>();
    for (ThreeAgencies.User u : ThreeAgencies.users()) {
      for (Ag owner : Ag.values()) {
        for (ThreeAgencies.Level level : ThreeAgencies.Level.values()) {
          all.add(Arguments.of(u, owner, level));
        }
      }
    }
    return all.stream();
  }

  static Stream<ThreeAgencies.User> threeAgencyUsers() {
    return ThreeAgencies.users().stream();
  }

  @ParameterizedTest(name = "{0} on {1} {2}")
  @MethodSource("threeAgencyRecords")
  void threeAgencyRecordsAreReadGrantedHeldAndCorrectedWithinScopeOnly(
      ThreeAgencies.User u, Ag owner, ThreeAgencies.Level level) throws Exception {
    String token = three.token(u);
    String id = three.record(owner, level);
    boolean reads = u.reads(owner, level);
    int read = reads ? 200 : 404;
    assertThat(archive.get("records/" + id, token).statusCode()).as("metadata").isEqualTo(read);
    assertThat(archive.download("records/" + id + "/content", token).statusCode())
        .as("content")
        .isEqualTo(read);
    assertThat(archive.get("records/" + id + "/text", token).statusCode())
        .as("text")
        .isEqualTo(read);
    assertThat(archive.get("records/" + id + "/history", token).statusCode())
        .as("history")
        .isEqualTo(read);
    assertThat(archive.get("records/" + id + "/signature/history", token).statusCode())
        .as("signature history")
        .isEqualTo(read);
    HttpResponse<String> evidence = archive.get("records/" + id + "/evidence", token);
    if (reads) {
      assertThat(evidence.statusCode() == 200 || evidence.body().contains("EVIDENCE_PENDING"))
          .as("evidence: the record's, or pending")
          .isTrue();
    } else {
      assertThat(evidence.statusCode()).as("evidence hidden").isEqualTo(404);
    }

    String grantee = u.admin() ? new ThreeAgencies.User("CLERK", Ag.C).name() : u.name();
    int grant =
        archive
            .postJson("records/" + id + "/grants", token, "{\"username\":\"" + grantee + "\"}")
            .statusCode();
    boolean grants = u.actsFor("ARCHIVIST", owner);
    assertThat(grant).as("grant").isEqualTo(!reads ? 404 : grants ? 201 : 403);
    if (grant == 201) {
      assertThat(archive.delete("records/" + id + "/grants/" + grantee, token, null).statusCode())
          .as("revoke")
          .isEqualTo(204);
    }

    HttpResponse<String> hold = three.hold(token, id);
    if (!u.has("ARCHIVIST")) {
      assertThat(hold.statusCode()).as("hold by a non-archivist").isEqualTo(403);
    } else if (!reads) {
      assertThat(hold.statusCode()).as("hold on a hidden record").isEqualTo(404);
    } else if (!u.actsFor("ARCHIVIST", owner)) {
      assertThat(hold.statusCode()).as("hold outside the archivist's agencies").isEqualTo(403);
      assertThat(RunningArchive.json(hold).get("code").asText()).isEqualTo("OUTSIDE_AGENCY");
    } else {
      assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
      JsonNode placed = RunningArchive.json(hold);
      long takes = Stream.of(ThreeAgencies.Level.values()).filter(l -> u.reads(owner, l)).count();
      assertThat(placed.get("recordCount").asLong())
          .as("the dossier, as far as the archivist reads it")
          .isEqualTo(takes);
      assertThat(three.release(token, placed.get("id").asText()).statusCode()).isEqualTo(200);
    }

    int patch =
        archive.patchJson("records/" + id, token, "{\"workEndDate\":\"2010-06-30\"}").statusCode();
    boolean corrects = u.actsFor("ARCHIVIST", owner) || u.actsFor("SUBMITTER", owner);
    assertThat(patch).as("correction").isEqualTo(!reads ? 404 : corrects ? 200 : 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("threeAgencyUsers")
  void threeAgencySearchExportListingsAndCountsShowOnlyReadableRecords(ThreeAgencies.User u)
      throws Exception {
    String token = three.token(u);
    List<String> readable = three.readable(u);
    List<String> all = new ArrayList<>();
    for (Ag a : Ag.values()) {
      for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
        all.add(three.record(a, l));
      }
    }
    JsonNode result = search(ThreeAgencies.WORD, token);
    assertThat(result.get("total").asLong()).as("total").isEqualTo(readable.size());
    assertThat(result.get("hits").findValuesAsText("id"))
        .containsExactlyInAnyOrderElementsOf(readable);
    for (String facet : List.of("agencyCode", "typeName", "year", "accessLevel")) {
      if (!result.at("/facets/" + facet).isMissingNode()) {
        assertThat(sum(result.at("/facets/" + facet))).as(facet).isEqualTo(readable.size());
      }
    }
    for (Ag a : Ag.values()) {
      JsonNode filtered =
          RunningArchive.json(
              archive.get(
                  "search?size=100&q=" + ThreeAgencies.WORD + "&agencyCode=" + a.code(), token));
      // the agency filter takes the agency and the agencies below it
      long own =
          readable.stream()
              .filter(id -> ownerOf(id) == a || (a == Ag.A && ownerOf(id) == Ag.B))
              .count();
      assertThat(filtered.get("total").asLong()).as("total in " + a).isEqualTo(own);
    }

    HttpResponse<java.io.InputStream> export =
        archive.download("records/export?q=" + ThreeAgencies.WORD, token);
    assertThat(export.statusCode()).as("export").isEqualTo(200);
    String bag;
    try (java.io.InputStream in = export.body()) {
      bag = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    for (String id : all) {
      assertThat(bag.contains(id)).as("export holds " + id).isEqualTo(readable.contains(id));
    }

    for (Ag a : Ag.values()) {
      List<String> listed =
          RunningArchive.json(archive.get("records?size=100&agencyCode=" + a.code(), token))
              .get("items")
              .findValuesAsText("id");
      for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
        assertThat(listed.contains(three.record(a, l)))
            .as("listing of " + a + " " + l)
            .isEqualTo(u.reads(a, l));
      }
    }
  }

  private Ag ownerOf(String id) {
    for (Ag a : Ag.values()) {
      for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
        if (three.record(a, l).equals(id)) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException(id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("threeAgencyUsers")
  void threeAgencyDossiersAndSchedulesAreChangedOnlyForTheArchivistsAgencies(ThreeAgencies.User u)
      throws Exception {
    String token = three.token(u);
    assertThat(archive.get("retention/schedules?size=100", token).statusCode()).isEqualTo(200);
    for (Ag a : Ag.values()) {
      HttpResponse<String> dossier = archive.get("dossiers/" + a.dossier(), token);
      boolean seesDossier = u.reads(a, ThreeAgencies.Level.INTERNAL);
      assertThat(dossier.statusCode()).as("dossier of " + a).isEqualTo(seesDossier ? 200 : 404);
      if (seesDossier) {
        List<String> listed = RunningArchive.json(dossier).get("records").findValuesAsText("id");
        for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
          assertThat(listed.contains(three.record(a, l)))
              .as("dossier of " + a + " lists " + l)
              .isEqualTo(u.reads(a, l));
        }
      }
      boolean keeps = u.actsFor("ARCHIVIST", a);
      assertThat(three.dossier(token, a.dossier(), a).statusCode())
          .as("dossier of " + a + " set again")
          .isEqualTo(keeps ? 200 : 403);
      assertThat(archive.get("retention/schedules/" + a.series(), token).statusCode())
          .isEqualTo(200);
      HttpResponse<String> schedule = three.schedule(token, a.series(), "100y");
      assertThat(schedule.statusCode())
          .as("schedule of " + a + " " + schedule.body())
          .isEqualTo(keeps ? 200 : 403);
      for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
        assertThat(
                RunningArchive.json(archive.get("records/" + three.record(a, l), admin))
                    .at("/retention/eligibleOn")
                    .asText())
            .isEqualTo("2111-01-01");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("threeAgencyUsers")
  void threeAgencyHoldsAreSeenCountedAndReleasedWithinScopeOnly(ThreeAgencies.User u)
      throws Exception {
    String token = three.token(u);
    HttpResponse<String> list = archive.get("holds?size=100", token);
    if (!u.retentionReader()) {
      assertThat(list.statusCode()).as("holds list").isEqualTo(403);
    } else {
      Map<String, JsonNode> listed = new HashMap<>();
      for (JsonNode h : pages("holds?size=100", token)) {
        listed.put(h.get("id").asText(), h);
      }
      for (ThreeAgencies.SetupHold h : three.holds()) {
        assertThat(listed.containsKey(h.id())).as("lists " + h).isEqualTo(h.seenBy(u));
        if (h.seenBy(u)) {
          assertThat(listed.get(h.id()).get("recordCount").asInt())
              .as("count of " + h)
              .isEqualTo(h.countFor(u));
        }
      }
    }
    for (ThreeAgencies.SetupHold h : three.holds()) {
      HttpResponse<String> one = archive.get("holds/" + h.id(), token);
      int expected = !u.retentionReader() ? 403 : h.seenBy(u) ? 200 : 404;
      assertThat(one.statusCode()).as("hold " + h).isEqualTo(expected);
      if (expected == 200) {
        JsonNode view = RunningArchive.json(one);
        assertThat(view.get("recordCount").asInt()).isEqualTo(h.countFor(u));
        List<String> expectedIds = new ArrayList<>();
        for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
          if (u.reads(h.holds(), l)) {
            expectedIds.add(three.record(h.holds(), l));
          }
        }
        List<String> ids = new ArrayList<>();
        view.get("recordIds").forEach(n -> ids.add(n.asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedIds);
      }
      // an allowed release would end the setup's hold: only refusals are tried here (HoldIT and
      // the record matrix release what they place)
      int refused =
          u.admin()
              ? 0
              : !u.has("ARCHIVIST") ? 403 : !h.seenBy(u) ? 404 : h.placedBy() == null ? 403 : 0;
      if (refused != 0) {
        assertThat(three.release(token, h.id()).statusCode())
            .as("release of " + h)
            .isEqualTo(refused);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("threeAgencyUsers")
  void threeAgencySweepsArePlannedSeenApprovedExecutedAndTransferredWithinScopeOnly(
      ThreeAgencies.User u) throws Exception {
    String token = three.token(u);
    HttpResponse<String> list = archive.get("retention/sweeps?size=100", token);
    List<String> listed = new ArrayList<>();
    if (u.retentionReader()) {
      pages("retention/sweeps?size=100", token).forEach(s -> listed.add(s.get("id").asText()));
    } else {
      assertThat(list.statusCode()).as("sweep list").isEqualTo(403);
    }
    for (Ag a : Ag.values()) {
      String planned = three.setupPlanned(a);
      JsonNode executed = three.setupExecuted(a);
      int sees = !u.retentionReader() ? 403 : u.within(a) ? 200 : 404;
      assertThat(listed.contains(planned)).as("listed").isEqualTo(sees == 200);
      assertThat(archive.get("retention/sweeps/" + planned, token).statusCode())
          .as("sweep of " + a)
          .isEqualTo(sees);
      assertThat(archive.get("retention/sweeps/" + planned + "/items", token).statusCode())
          .as("items of " + a)
          .isEqualTo(sees);
      assertThat(archive.get("retention/sweeps/" + planned + "/items.csv", token).statusCode())
          .as("csv of " + a)
          .isEqualTo(sees);
      assertThat(
              archive
                  .get("retention/certificates/" + executed.get("certificateId").asText(), token)
                  .statusCode())
          .as("certificate of " + a)
          .isEqualTo(sees);

      HttpResponse<String> plan =
          archive.postJson("retention/sweeps", token, "{\"agencyCode\":\"" + a.code() + "\"}");
      assertThat(plan.statusCode())
          .as("plan for " + a + " " + plan.body())
          .isEqualTo(u.actsFor("ARCHIVIST", a) ? 201 : 403);

      boolean approves = u.actsFor("APPROVER", a) && !u.admin();
      String toApprove = approves ? three.plannedSweep(a) : planned;
      HttpResponse<String> approve =
          archive.postJson("retention/sweeps/" + toApprove + "/approve", token, "{}");
      // the admin planned every sweep here: approving its own plan is SELF_APPROVAL
      assertThat(approve.statusCode())
          .as("approve for " + a + " " + approve.body())
          .isEqualTo(sees != 200 ? sees : approves ? 200 : 403);

      boolean executes = u.actsFor("ARCHIVIST", a) || u.actsFor("APPROVER", a);
      String toExecute = executes ? three.approvedSweep(a) : planned;
      HttpResponse<String> execute =
          archive.postJson("retention/sweeps/" + toExecute + "/execute", token, "{}");
      assertThat(execute.statusCode())
          .as("execute for " + a + " " + execute.body())
          .isEqualTo(sees != 200 ? sees : executes ? 200 : 403);

      String done = executed.get("id").asText();
      int transfer = sees != 200 ? sees : u.actsFor("ARCHIVIST", a) ? 409 : 403;
      assertThat(archive.get("retention/sweeps/" + done + "/transfer", token).statusCode())
          .as("transfer packages of " + a)
          .isEqualTo(transfer);
      assertThat(
              archive
                  .postJson(
                      "retention/sweeps/" + done + "/transfer/confirm",
                      token,
                      "{\"receivedBy\":\"Lưu trữ lịch sử\",\"reference\":\"BB-01\"}")
                  .statusCode())
          .as("transfer confirmation of " + a)
          .isEqualTo(transfer);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("threeAgencyUsers")
  void auditorsReadOnlyTheTrailOfTheirAgencyTree(ThreeAgencies.User u) throws Exception {
    String token = three.token(u);
    if (!u.has("AUDITOR")) {
      assertThat(archive.get("audit", token).statusCode()).isEqualTo(403);
      assertThat(archive.get("audit/verify", token).statusCode()).isEqualTo(403);
      return;
    }
    Set<String> scope = u.auditScope();
    String bInternal = three.record(Ag.B, ThreeAgencies.Level.INTERNAL);
    for (String query :
        List.of(
            "audit?size=100",
            "audit?size=100&action=TOKEN_CREATE",
            "audit?size=100&action=RECORD_CREATE",
            "audit?size=100&action=SEARCH",
            "audit?size=100&actor=" + new ThreeAgencies.User("CLERK", Ag.B).name(),
            "audit?size=100&recordId=" + bInternal)) {
      List<JsonNode> entries =
          query.equals("audit?size=100") ? firstPage(query, token) : pages(query, token);
      for (JsonNode e : entries) {
        String agency = e.path("agencyCode").isTextual() ? e.get("agencyCode").asText() : null;
        if (scope != null) {
          assertThat(agency).as(query + ": " + e).isNotNull().isIn(scope);
        }
      }
    }

    String tokens = String.valueOf(pages("audit?size=100&action=TOKEN_CREATE", token));
    String created = String.valueOf(pages("audit?size=100&action=RECORD_CREATE", token));
    String searches = String.valueOf(pages("audit?size=100&action=SEARCH", token));
    for (ThreeAgencies.User other : ThreeAgencies.users()) {
      if (other.admin()) {
        continue;
      }
      boolean ours = scope == null || scope.contains(other.agency().code());
      assertThat(tokens.contains("\"" + other.name() + "\""))
          .as("token creation for " + other)
          .isEqualTo(ours);
    }
    for (Ag a : Ag.values()) {
      boolean ours = scope == null || scope.contains(a.code());
      for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
        String id = three.record(a, l);
        assertThat(created.contains(id)).as("creation of " + a + " " + l).isEqualTo(ours);
        assertThat(created.contains(three.sha256(id)))
            .as("sha256 of " + a + " " + l)
            .isEqualTo(ours);
      }
    }
    assertThat(searches.contains(ThreeAgencies.SECRET_SEARCH))
        .as("B's clerk's search")
        .isEqualTo(scope == null || scope.contains(Ag.B.code()));

    HttpResponse<String> verify = archive.get("audit/verify", token);
    assertThat(verify.statusCode()).isEqualTo(200);
    JsonNode v = RunningArchive.json(verify);
    assertThat(v.get("valid").asBoolean()).as(verify.body()).isTrue();
    JsonNode whole = RunningArchive.json(archive.get("audit/verify", admin));
    if (scope == null) {
      assertThat(v.get("entries").asLong()).isPositive();
    } else {
      List<String> fields = new ArrayList<>();
      v.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .as("an auditor learns nothing of other agencies' entries")
          .isSubsetOf("valid", "entries", "firstBrokenId", "problem");
      assertThat(v.get("entries").asLong())
          .as("their entries only")
          .isPositive()
          .isLessThan(whole.get("entries").asLong());
    }
  }

  @Test
  void anArchivistCannotSetTheRetentionOfAnotherAgencysRecords() throws Exception {
    String archivistA = three.token(new ThreeAgencies.User("ARCHIVIST", Ag.A));
    String archivistB = three.token(new ThreeAgencies.User("ARCHIVIST", Ag.B));
    String archivistC = three.token(new ThreeAgencies.User("ARCHIVIST", Ag.C));
    String submitterC = three.token(new ThreeAgencies.User("SUBMITTER", Ag.C));
    List<String> bRecords = new ArrayList<>();
    for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
      bRecords.add(
          three
              .record(Ag.B, l, "M3-LOOSE-B", null, "hồ sơ chưa lập " + l, false)
              .get("id")
              .asText());
    }
    assertThat(three.schedule(archivistC, "M3-SHORT-C", "1y").statusCode())
        .as("a series no other agency uses is any archivist's to create")
        .isEqualTo(201);

    HttpResponse<String> takeOver =
        three.dossier(archivistC, "M3-LOOSE-B", Ag.C, "M3-SHORT-C", "2009-12-31");
    assertThat(takeOver.statusCode()).as(takeOver.body()).isEqualTo(409);
    assertThat(RunningArchive.json(takeOver).get("code").asText()).isEqualTo("FILE_CODE_TAKEN");
    assertThat(takeOver.body()).doesNotContain(Ag.B.code());
    HttpResponse<String> byParent =
        three.dossier(archivistA, "M3-LOOSE-B", Ag.A, Ag.A.series(), "2009-12-31");
    assertThat(byParent.statusCode())
        .as("a dossier holds its own agency's records only")
        .isEqualTo(409);
    for (String id : bRecords) {
      assertThat(
              RunningArchive.json(archive.get("records/" + id, three.admin))
                  .at("/retention/eligibleOn")
                  .asText())
          .as("B's retention is B's")
          .isEqualTo("2111-01-01");
    }
    JsonNode sweep =
        RunningArchive.json(
            ThreeAgencies.ok(
                archive.postJson(
                    "retention/sweeps", archivistB, "{\"agencyCode\":\"" + Ag.B.code() + "\"}")));
    assertThat(sweep.get("counts").get("DESTROY").asInt()).as("B's next sweep").isZero();
    String items =
        archive.get("retention/sweeps/" + sweep.get("id").asText() + "/items", archivistB).body();
    bRecords.forEach(id -> assertThat(items).doesNotContain(id));

    assertThat(three.dossier(archivistB, "M3-LOOSE-B", Ag.B).statusCode()).isEqualTo(201);
    assertThat(archive.get("dossiers/M3-LOOSE-B", archivistB).statusCode()).isEqualTo(200);
    HttpResponse<String> move = three.dossier(archivistA, "M3-LOOSE-B", Ag.A);
    assertThat(move.statusCode()).as(move.body()).isEqualTo(409);
    assertThat(RunningArchive.json(move).get("code").asText()).isEqualTo("DOSSIER_AGENCY_FIXED");
    assertThat(three.dossier(archivistC, "M3-LOOSE-B", Ag.C).statusCode()).isEqualTo(403);

    HttpResponse<String> intoB =
        three.upload(
            submitterC, Ag.C, ThreeAgencies.Level.PUBLIC, Ag.B.dossier(), null, "xâm nhập", false);
    assertThat(intoB.statusCode()).as(intoB.body()).isEqualTo(400);
    assertThat(RunningArchive.json(intoB).get("code").asText()).isEqualTo("INVALID_METADATA");
    assertThat(RunningArchive.json(intoB).get("field").asText()).isEqualTo("fileCode");
    HttpResponse<String> intoLooseB =
        three.upload(
            submitterC, Ag.C, ThreeAgencies.Level.PUBLIC, "M3-LOOSE-B2", null, "xâm nhập", false);
    assertThat(intoLooseB.statusCode()).as("a file code no one uses is free").isEqualTo(201);
    three.record(Ag.B, ThreeAgencies.Level.PUBLIC, "M3-LOOSE-B3", null, "của B", false);
    HttpResponse<String> intoTakenB =
        three.upload(
            submitterC, Ag.C, ThreeAgencies.Level.PUBLIC, "M3-LOOSE-B3", null, "xâm nhập", false);
    assertThat(intoTakenB.statusCode()).as(intoTakenB.body()).isEqualTo(400);
    assertThat(RunningArchive.json(intoTakenB).get("field").asText()).isEqualTo("fileCode");
    HttpResponse<String> moveC =
        archive.patchJson(
            "records/" + three.record(Ag.C, ThreeAgencies.Level.PUBLIC),
            archivistC,
            "{\"fileCode\":\"" + Ag.B.dossier() + "\"}");
    assertThat(moveC.statusCode()).as(moveC.body()).isEqualTo(400);
    assertThat(RunningArchive.json(moveC).get("field").asText()).isEqualTo("fileCode");

    HttpResponse<String> series = three.schedule(archivistC, Ag.B.series(), "1y");
    assertThat(series.statusCode()).as(series.body()).isEqualTo(403);
    assertThat(RunningArchive.json(series).get("code").asText()).isEqualTo("OUTSIDE_AGENCY");
    assertThat(
            RunningArchive.json(archive.get("retention/schedules/" + Ag.B.series(), archivistC))
                .get("period")
                .asText())
        .isEqualTo("100y");
  }

  @Test
  void aHoldTakesOnlyWhatThePlacingArchivistMayReadAndActFor() throws Exception {
    String archivistA = three.token(new ThreeAgencies.User("ARCHIVIST", Ag.A));
    String archivistB = three.token(new ThreeAgencies.User("ARCHIVIST", Ag.B));
    String archivistC = three.token(new ThreeAgencies.User("ARCHIVIST", Ag.C));
    ThreeAgencies.ok(three.dossier(archivistB, "M3-HOLD-B", Ag.B));
    Map<ThreeAgencies.Level, String> b = new EnumMap<>(ThreeAgencies.Level.class);
    for (ThreeAgencies.Level l : ThreeAgencies.Level.values()) {
      b.put(
          l,
          three
              .record(
                  Ag.B,
                  l,
                  "M3-HOLD-B",
                  null,
                  "zz3phongtoa " + l,
                  l == ThreeAgencies.Level.RESTRICTED)
              .get("id")
              .asText());
    }
    String cOwn =
        three
            .record(Ag.C, ThreeAgencies.Level.PUBLIC, null, null, "zz3phongtoa", true)
            .get("id")
            .asText();

    HttpResponse<String> byC = three.hold(archivistC, b.get(ThreeAgencies.Level.PUBLIC));
    assertThat(byC.statusCode()).as(byC.body()).isEqualTo(403);
    assertThat(RunningArchive.json(byC).get("code").asText()).isEqualTo("OUTSIDE_AGENCY");
    assertThat(three.hold(archivistC, b.get(ThreeAgencies.Level.INTERNAL)).statusCode())
        .isEqualTo(404);
    for (String id : b.values()) {
      assertThat(holdsOf(id)).as("nothing held").isEmpty();
      assertThat(legalHold(id)).as("no S3 legal hold").isFalse();
    }
    JsonNode byQuery =
        RunningArchive.json(
            ThreeAgencies.ok(
                archive.postJson(
                    "holds",
                    archivistC,
                    "{\"name\":\"Theo truy vấn\",\"reason\":\"r\",\"authority\":\"a\","
                        + "\"query\":\"zz3phongtoa\"}")));
    assertThat(byQuery.get("recordCount").asInt()).as("C's own record only").isEqualTo(1);
    for (String id : b.values()) {
      assertThat(holdsOf(id)).isEmpty();
    }
    assertThat(holdsOf(cOwn)).containsExactly(byQuery.get("id").asText());
    ThreeAgencies.ok(three.release(archivistC, byQuery.get("id").asText()));

    JsonNode byA =
        RunningArchive.json(
            ThreeAgencies.ok(three.hold(archivistA, b.get(ThreeAgencies.Level.PUBLIC))));
    String holdA = byA.get("id").asText();
    assertThat(byA.get("recordCount").asInt())
        .as("PUBLIC and INTERNAL: A reads those")
        .isEqualTo(2);
    List<String> ids = new ArrayList<>();
    RunningArchive.json(archive.get("holds/" + holdA, archivistA))
        .get("recordIds")
        .forEach(n -> ids.add(n.asText()));
    assertThat(ids)
        .containsExactlyInAnyOrder(
            b.get(ThreeAgencies.Level.PUBLIC), b.get(ThreeAgencies.Level.INTERNAL));
    assertThat(legalHold(b.get(ThreeAgencies.Level.PUBLIC))).isTrue();
    assertThat(legalHold(b.get(ThreeAgencies.Level.INTERNAL))).isTrue();
    assertThat(holdsOf(b.get(ThreeAgencies.Level.RESTRICTED))).isEmpty();
    assertThat(legalHold(b.get(ThreeAgencies.Level.RESTRICTED))).isFalse();
    assertThat(archive.get("holds/" + holdA, archivistC).statusCode()).isEqualTo(404);
    ThreeAgencies.ok(three.release(archivistA, holdA));

    JsonNode byAdmin =
        RunningArchive.json(
            ThreeAgencies.ok(three.hold(three.admin, b.get(ThreeAgencies.Level.INTERNAL))));
    String holdAdmin = byAdmin.get("id").asText();
    assertThat(byAdmin.get("recordCount").asInt()).isEqualTo(3);
    assertThat(legalHold(b.get(ThreeAgencies.Level.RESTRICTED))).isTrue();
    assertThat(
            RunningArchive.json(archive.get("holds/" + holdAdmin, archivistB))
                .get("recordCount")
                .asInt())
        .isEqualTo(3);
    assertThat(
            RunningArchive.json(archive.get("holds/" + holdAdmin, archivistA))
                .get("recordCount")
                .asInt())
        .isEqualTo(2);
    assertThat(archive.get("holds/" + holdAdmin, archivistC).statusCode()).isEqualTo(404);
    assertThat(three.release(archivistC, holdAdmin).statusCode()).isEqualTo(404);
    assertThat(three.release(archivistB, holdAdmin).statusCode())
        .as("an admin's hold is the admin's to release")
        .isEqualTo(403);
    assertThat(legalHold(b.get(ThreeAgencies.Level.RESTRICTED))).isTrue();
    ThreeAgencies.ok(three.release(three.admin, holdAdmin));
    assertThat(legalHold(b.get(ThreeAgencies.Level.RESTRICTED))).isFalse();
  }

  private List<String> holdsOf(String id) throws Exception {
    List<String> out = new ArrayList<>();
    RunningArchive.json(archive.get("records/" + id, admin))
        .at("/retention/holds")
        .forEach(h -> out.add(h.asText()));
    return out;
  }

  private boolean legalHold(String id) {
    return new vn.tangthu.archive.storage.ObjectLocks(archive.wiring().store())
        .current(
            archive.configuration().getStorage().originalsBucket(),
            vn.tangthu.archive.storage.ObjectKeys.original(java.util.UUID.fromString(id)),
            null)
        .legalHold();
  }

  /** Every item of a cursor-paged listing (at most 50 pages). */
  private List<JsonNode> pages(String path, String token) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < 50; i++) {
      String url =
          cursor == null
              ? path
              : path + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      HttpResponse<String> r = archive.get(url, token);
      assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
      JsonNode page = RunningArchive.json(r);
      page.get("items").forEach(all::add);
      if (!page.hasNonNull("nextCursor")) {
        return all;
      }
      cursor = page.get("nextCursor").asText();
    }
    throw new AssertionError("more than 50 pages of " + path);
  }

  private List<JsonNode> firstPage(String path, String token) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    HttpResponse<String> r = archive.get(path, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    RunningArchive.json(r).get("items").forEach(all::add);
    return all;
  }

  private JsonNode search(String q, String token) throws Exception {
    HttpResponse<String> r =
        archive.get("search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return RunningArchive.json(r);
  }

  private static long sum(JsonNode counts) {
    long total = 0;
    for (JsonNode n : counts) {
      total += n.asLong();
    }
    return total;
  }

  private static String token(String owner, Level level) {
    return ("zz" + owner + level.name().replace("_", "")).toLowerCase();
  }

  private static String user(String role, Relation rel) {
    return (role + "-" + rel.name()).toLowerCase();
  }

  private void agency(String json) throws Exception {
    ok(archive.postJson("agencies", admin, json));
  }

  private static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return r;
  }
}
