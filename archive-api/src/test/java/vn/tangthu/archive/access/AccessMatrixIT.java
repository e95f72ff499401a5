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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Every role × every relation to the owning agency × every access level × every endpoint that
 * returns record data or acts on records, against the contract's visibility rule: allowed, or 404
 * (hidden) / 403 (visible but not allowed to act). Search totals and facet counts must equal what
 * the caller may read.
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
          .as("a hold by query takes only what the archivist may read")
          .isEqualTo(readable);
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
