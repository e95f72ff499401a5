package vn.tangthu.archive.signature.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.ArchiveApplication;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;
import vn.tangthu.signature.TestPdfs;
import vn.tangthu.signature.TestPki;

/**
 * {@code reverify-signatures}: a record signed under an unknown root is INDETERMINATE; once the
 * root is a trust anchor, an explicit re-verification makes it VALID and the history keeps the
 * INDETERMINATE report, visible only to those who can read the record.
 */
class SignatureReverifyIT {

  @TempDir static Path tmp;

  @Test
  void unknownRootBecomesValidAfterReverificationAndTheHistoryKeepsTheOldReport() throws Exception {
    TestPki pki = new TestPki("Reverify Test");
    Path pdf = tmp.resolve("signed.pdf");
    Files.write(
        pdf,
        TestPdfs.sign(
            TestPdfs.newPdf("Quyet dinh so 7/QD-UBND"),
            pki,
            Instant.now().minusSeconds(120),
            null));
    Path data = tmp.resolve("data");
    try (RunningArchive archive = RunningArchive.start(data)) {
      String admin = archive.adminToken();
      for (String code : new String[] {"REV", "ELSE"}) {
        assertThat(
                archive
                    .postJson(
                        "agencies", admin, "{\"code\":\"" + code + "\",\"name\":\"" + code + "\"}")
                    .statusCode())
            .isEqualTo(201);
      }
      String outsider = userOf(archive, admin, "ELSE");
      HttpResponse<String> created =
          archive.upload(
              "records",
              admin,
              new Multipart()
                  .json("metadata", "{\"agencyCode\":\"REV\",\"subject\":\"Quyết định ký số\"}")
                  .file("file", pdf));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode rec = RunningArchive.json(created);
      String id = rec.get("id").asText();
      assertThat(rec.at("/signature/status").asText()).isEqualTo("INDETERMINATE");
      JsonNode before =
          RunningArchive.json(archive.get("records/" + id + "/signature/history", admin));
      assertThat(before.get("history")).isEmpty();
      assertThat(before.at("/current/status").asText()).isEqualTo("INDETERMINATE");

      archive.whileStopped(
          config -> {
            Path anchors = data.resolve(config.getSignatures().trustAnchors());
            Files.createDirectories(anchors);
            Files.write(anchors.resolve("reverify-root.der"), pki.root.cert().getEncoded());
            Path yml = tmp.resolve("config.yml");
            Files.writeString(
                yml,
                "dataDir: " + data + "\nstorage:\n  embeddedPort: 0\nlogging:\n  level: WARN\n");
            assertThat(cli("reverify-signatures", "--record", id, yml.toString())).isEmpty();
            // A second run finds nothing new: audited, but no new history entry.
            assertThat(cli("reverify-signatures", yml.toString())).isEmpty();
          });

      JsonNode after = RunningArchive.json(archive.get("records/" + id, admin));
      assertThat(after.at("/signature/status").asText()).isEqualTo("VALID");
      assertThat(after.at("/signature/signatures/0/trust").asText()).isEqualTo("TRUSTED");
      JsonNode history =
          RunningArchive.json(archive.get("records/" + id + "/signature/history", admin));
      assertThat(history.at("/current/status").asText()).isEqualTo("VALID");
      assertThat(history.get("history")).hasSize(1);
      assertThat(history.at("/history/0/report/status").asText()).isEqualTo("INDETERMINATE");
      assertThat(history.at("/history/0/replacedBy").asText()).startsWith("cli:");
      assertThat(history.at("/history/0/replacedAt").asText()).isNotBlank();

      assertThat(archive.get("records/" + id + "/signature/history", outsider).statusCode())
          .isEqualTo(404);
      assertThat(
              archive
                  .get("records/01a2190c-ac61-7513-86d6-5ed2b33051b2/signature/history", admin)
                  .statusCode())
          .isEqualTo(404);
      JsonNode audit =
          RunningArchive.json(archive.get("audit?action=SIGNATURE_REVERIFY&size=50", admin));
      assertThat(audit.toString()).contains(id).contains("INDETERMINATE").contains("VALID");
    }
  }

  private static String userOf(RunningArchive archive, String admin, String agency)
      throws Exception {
    String user = "clerk-" + agency.toLowerCase();
    assertThat(
            archive
                .postJson(
                    "users",
                    admin,
                    "{\"username\":\""
                        + user
                        + "\",\"displayName\":\"x\",\"agencyCode\":\""
                        + agency
                        + "\",\"roles\":[\"CLERK\"]}")
                .statusCode())
        .isEqualTo(201);
    return RunningArchive.json(archive.postJson("users/" + user + "/tokens", admin, "{}"))
        .get("token")
        .asText();
  }

  private Optional<Throwable> cli(String... args) throws Exception {
    ArchiveApplication app = new ArchiveApplication();
    Bootstrap<ArchiveConfiguration> bootstrap = new Bootstrap<>(app);
    app.initialize(bootstrap);
    Cli cli = new Cli(new JarLocation(getClass()), bootstrap, System.out, System.err);
    return cli.run(args);
  }
}
