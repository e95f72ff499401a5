package vn.tangthu.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RunningArchive;
import vn.tangthu.signature.TestPki;
import vn.tangthu.signature.TestXmlSignatures;

/**
 * edXML messages signed with XML-DSig (signed here with {@code javax.xml.crypto} and a throw-away
 * PKI whose root is the archive's trust anchor), imported through {@code POST /imports}: the
 * record's signature report shows the message's signature ({@code XMLDSIG}) as the single ingest
 * path verifies and keeps it, a tampered message is INVALID (and refused by an agency that requires
 * valid signatures), a reference outside the message is never fetched and a DTD is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportSignedEdxmlIT {

  private static final String ORGAN = "000.00.20.H06";
  private static final String STRICT_ORGAN = "000.00.21.H06";

  @TempDir static Path dataDir;
  private TestPki pki;
  private RunningArchive archive;
  private ImportClient imports;
  private String submitter;
  private HttpServer server;
  private final AtomicInteger fetched = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    pki = new TestPki("Import XML DSig");
    Path anchors = dataDir.resolve("trust/anchors");
    Files.createDirectories(anchors);
    Files.write(anchors.resolve("import-root.der"), pki.root.cert().getEncoded());
    archive =
        RunningArchive.start(
            dataDir, io.dropwizard.testing.ConfigOverride.config("imports.pollInterval", "PT0.5S"));
    String admin = archive.adminToken();
    imports = new ImportClient(archive);
    imports.agency(
        admin, "{\"code\":\"KS\",\"name\":\"Sở Ký số\",\"edxmlOrganId\":\"" + ORGAN + "\"}");
    imports.agency(
        admin,
        "{\"code\":\"KS-CHAT\",\"name\":\"Sở Chặt chẽ\",\"parentCode\":\"KS\","
            + "\"edxmlOrganId\":\""
            + STRICT_ORGAN
            + "\"}");
    assertThat(
            archive
                .putJson("agencies/KS-CHAT/policy", admin, "{\"signature\":\"REQUIRE_VALID\"}")
                .statusCode())
        .isEqualTo(200);
    submitter = imports.user(admin, "imp-ks", "KS", "SUBMITTER");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  void stop() {
    server.stop(0);
    archive.close();
  }

  private static byte[] message(String organ, int number, String text) {
    return Edxml.message(organ, "Sở Ký số", number, text).bytes();
  }

  private JsonNode importOne(byte[] xml, String name) throws Exception {
    JsonNode job = imports.run(submitter, xml, name, null);
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    List<JsonNode> items = imports.items(submitter, job.get("id").asText(), null);
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  @Test
  void aSignedMessageIsVerifiedAsXmldsigAndKeptWithTheRecord() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(message(ORGAN, 1, "Ký số zzks1"), pki);

    JsonNode item = importOne(signed, "ky-so-1.xml");

    assertThat(item.get("status").asText()).as("%s", item).isEqualTo("IMPORTED");
    JsonNode r = imports.record(submitter, item.get("recordId").asText());
    JsonNode s = r.at("/signature/signatures/0");
    assertThat(r.at("/signature/status").asText()).as("%s", r).isEqualTo("VALID");
    assertThat(r.at("/signature/signatures")).hasSize(1);
    assertThat(s.get("kind").asText()).isEqualTo("XMLDSIG");
    assertThat(s.get("integrity").asText()).isEqualTo("INTACT");
    assertThat(s.get("trust").asText()).isEqualTo("TRUSTED");
    assertThat(s.get("coversWholeDocument").asBoolean()).isTrue();
    assertThat(s.get("signer").asText()).isEqualTo("Nguyễn Văn An");
    assertThat(s.get("messageVi").asText()).isNotBlank();
    String key =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.select(
                            "SELECT signature_key FROM records WHERE id = ?",
                            UUID.fromString(r.get("id").asText()))
                        .mapTo(String.class)
                        .one());
    assertThat(key).as("the signed message is kept").endsWith(".xml");
  }

  @Test
  void aTamperedMessageIsInvalidAndAnAgencyRequiringValidSignaturesRefusesIt() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(message(ORGAN, 2, "Ký số zzks2"), pki);
    byte[] tampered =
        TestXmlSignatures.replace(signed, "kế hoạch số 2<", "kế hoạch số 2 (đã sửa)<");

    JsonNode item = importOne(tampered, "ky-so-2.xml");

    assertThat(item.get("status").asText()).isEqualTo("IMPORTED");
    JsonNode r = imports.record(submitter, item.get("recordId").asText());
    assertThat(r.get("subject").asText()).endsWith("(đã sửa)");
    assertThat(r.at("/signature/status").asText()).isEqualTo("INVALID");
    assertThat(r.at("/signature/signatures/0/kind").asText()).isEqualTo("XMLDSIG");
    assertThat(r.at("/signature/signatures/0/integrity").asText()).isEqualTo("BROKEN");

    byte[] strict =
        TestXmlSignatures.replace(
            TestXmlSignatures.signEnveloped(message(STRICT_ORGAN, 3, "zzks3"), pki),
            "kế hoạch số 3<",
            "kế hoạch số 33<");
    JsonNode refused = importOne(strict, "ky-so-3.xml");
    assertThat(refused.get("status").asText()).isEqualTo("FAILED");
    assertThat(refused.get("code").asText()).isEqualTo("SIGNATURE_NOT_VALID");
    JsonNode accepted =
        importOne(
            TestXmlSignatures.signEnveloped(message(STRICT_ORGAN, 4, "zzks4"), pki), "ky-so-4.xml");
    assertThat(accepted.get("status").asText()).as("%s", accepted).isEqualTo("IMPORTED");
  }

  @Test
  void aReferenceOutsideTheMessageIsNotFetchedAndADtdIsRefused() throws Exception {
    String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/noi-dung";
    byte[] external =
        TestXmlSignatures.signExternal(
            message(ORGAN, 5, "zzks5"), pki, uri, "ngoài".getBytes(StandardCharsets.UTF_8));

    JsonNode item = importOne(external, "ky-so-5.xml");

    assertThat(item.get("status").asText()).isEqualTo("IMPORTED");
    JsonNode r = imports.record(submitter, item.get("recordId").asText());
    assertThat(r.at("/signature/status").asText()).isEqualTo("INDETERMINATE");
    assertThat(r.at("/signature/signatures/0/integrity").asText()).isEqualTo("UNKNOWN");
    assertThat(r.at("/signature/signatures/0/message").asText()).contains(uri);

    String signed =
        new String(
            TestXmlSignatures.signEnveloped(message(ORGAN, 6, "zzks6"), pki),
            StandardCharsets.UTF_8);
    String withDtd =
        signed.replaceFirst(
            "\\?>", "?><!DOCTYPE edXML:edXML SYSTEM \"" + uri.replace("noi-dung", "x.dtd") + "\">");
    JsonNode hostile = importOne(withDtd.getBytes(StandardCharsets.UTF_8), "ky-so-6.xml");
    assertThat(hostile.get("status").asText()).isEqualTo("FAILED");
    assertThat(hostile.get("code").asText()).isEqualTo("XML_HOSTILE");
    assertThat(fetched.get()).isZero();
  }
}
