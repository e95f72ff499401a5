package vn.tangthu.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;

/** {@code /audit} called as Jersey calls it, on a real database and storage node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditResourceIT {

  @TempDir static Path dir;
  private AuditFixture fixture;

  private final Caller clerk =
      new Caller(2, "clerk1", "BN", Set.of(Role.CLERK, Role.ARCHIVIST), UUID.randomUUID());
  private final Caller auditor =
      new Caller(3, "auditor1", "BN", Set.of(Role.AUDITOR), UUID.randomUUID());
  private final Caller admin = new Caller(1, "admin", null, Set.of(Role.ADMIN), UUID.randomUUID());

  @BeforeAll
  void start() throws Exception {
    fixture = new AuditFixture(dir);
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  private static AuditResource resource(AuditFixture.Trail trail, AuditLog log) {
    trail.jdbi().installPlugin(new SqlObjectPlugin());
    return new AuditResource(log, new AgencyDirectory(trail.jdbi(), Clock.systemUTC()));
  }

  private static AuditPage list(AuditResource r, Caller c, String recordId, String size) {
    return r.list(c, null, recordId, null, null, null, null, null, null, size);
  }

  @Test
  void onlyAuditorsAndAdminsReadTheTrailAndRefusalsAreAudited() {
    AuditFixture.Trail trail = fixture.newTrail();
    AuditLog log = trail.log(Clock.systemUTC());
    AuditResource r = resource(trail, log);

    assertThatThrownBy(() -> list(r, clerk, null, "20"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("FORBIDDEN");
            });
    assertThatThrownBy(() -> r.verify(clerk, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));

    AuditPage page = list(r, auditor, null, "20");
    assertThat(page.items())
        .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("clerk1", AuditEvent.AUDIT_VERIFY, "DENIED"),
            org.assertj.core.groups.Tuple.tuple("clerk1", AuditEvent.AUDIT_LIST, "DENIED"));

    AuditVerification v = r.verify(admin, null);
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isEqualTo(3); // two refusals and the auditor's listing
    log.flush();
    assertThat(log.list(AuditQuery.all(1)).items().get(0).action())
        .isEqualTo(AuditEvent.AUDIT_VERIFY);
  }

  @Test
  void listsOneRecordsEntriesPageByPage() {
    AuditFixture.Trail trail = fixture.newTrail();
    AuditLog log = trail.log(Clock.systemUTC());
    AuditResource r = resource(trail, log);
    String record = "0190e6a0-1234-7000-8000-000000000001";
    for (int i = 0; i < 5; i++) {
      log.appendRead(
          AuditEvent.of(
              clerk, AuditEvent.RECORD_READ, "RECORD", record, AuditOutcome.SUCCESS, "::1"));
      log.appendNow(AuditEvents.event(i));
    }
    AuditPage first = list(r, auditor, record, "3");
    assertThat(first.items())
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.targetId()).isEqualTo(record));
    AuditPage second =
        r.list(auditor, null, record, null, null, null, null, null, first.nextCursor(), "3");
    assertThat(second.items()).hasSize(2);
    assertThat(second.nextCursor()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "not-a-uuid, -, -, -, 20",
        "-, yesterday, -, -, 20",
        "-, 2025-07-02T00:00:00Z, 2025-07-01T00:00:00Z, -, 20",
        "-, -, -, abc, 20",
        "-, -, -, -, 0",
        "-, -, -, -, 101",
        "-, -, -, -, many"
      })
  void badParametersAreRefusedWith400(
      String recordId, String from, String to, String cursor, String size) {
    AuditFixture.Trail trail = fixture.newTrail();
    AuditResource r = resource(trail, trail.log(Clock.systemUTC()));
    assertThatThrownBy(
            () -> r.list(auditor, null, recordId, null, null, null, from, to, cursor, size))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(cursor == null ? "INVALID_REQUEST" : "INVALID_CURSOR");
            });
  }

  @Test
  void entriesAndVerificationSerializeAsTheContractSays() throws Exception {
    AuditFixture.Trail trail = fixture.newTrail();
    AuditLog log = trail.log(Clock.systemUTC());
    log.appendNow(AuditEvents.event(1).withDetail("query", "quyết định"));
    ObjectMapper json = Jackson.newObjectMapper();
    json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    JsonNode page =
        json.valueToTree(
            resource(trail, log)
                .list(auditor, null, null, null, null, null, null, null, null, "20"));
    JsonNode e = page.get("items").get(0);
    assertThat(e.get("id").asLong()).isEqualTo(1);
    assertThat(e.get("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(e.get("roles").isArray()).isTrue();
    assertThat(json.convertValue(e.get("details"), Map.class))
        .containsEntry("query", "quyết định")
        .containsEntry("n", "1");
    assertThat(e.get("hash").asText()).matches("[0-9a-f]{64}");
    assertThat(e.has("rolesText")).isFalse();
    assertThat(e.has("detailsJson")).isFalse();
    assertThat(page.has("nextCursor")).isTrue();

    log.flush();
    log.head();
    JsonNode v = json.valueToTree(log.verify());
    assertThat(v.get("valid").asBoolean()).isTrue();
    assertThat(v.get("entries").asLong()).isEqualTo(2); // the entry and the listing of it
    assertThat(v.has("firstBrokenId")).isFalse();
    assertThat(v.has("problem")).isFalse();
    assertThat(v.get("anchoredId").asLong()).isEqualTo(2);
  }
}
