package vn.tangthu.archive.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.seal.ReceiptVerifier;
import vn.tangthu.archive.support.Corpus;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/** Signatures at ingest: reports stored with the record, agency policy, receipts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedIngestIT {

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;
  private final Path sigs = Corpus.root().resolve("signatures");

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    for (String code : List.of("FREE", "SIGNED", "VALIDONLY")) {
      assertThat(
              archive
                  .postJson(
                      "agencies", admin, "{\"code\":\"" + code + "\",\"name\":\"" + code + "\"}")
                  .statusCode())
          .isEqualTo(201);
    }
    assertThat(
            archive
                .putJson("agencies/SIGNED/policy", admin, "{\"signature\":\"REQUIRE_SIGNATURE\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            archive
                .putJson("agencies/VALIDONLY/policy", admin, "{\"signature\":\"REQUIRE_VALID\"}")
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private HttpResponse<String> upload(String agency, Path file, Path detached) throws Exception {
    Multipart m =
        new Multipart()
            .json("metadata", "{\"agencyCode\":\"" + agency + "\",\"subject\":\"Văn bản ký số\"}")
            .file("file", file);
    if (detached != null) {
      m.file("signature", detached);
    }
    return archive.upload("records", admin, m);
  }

  @Test
  void signedPdfReportsIntactButUntrustedWithoutAnchors() throws Exception {
    HttpResponse<String> r = upload("FREE", sigs.resolve("pades/pdf-signed-original.pdf"), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode sig = RunningArchive.json(r).get("signature");
    assertThat(sig.get("status").asText()).isEqualTo("INDETERMINATE");
    assertThat(sig.at("/signatures/0/kind").asText()).isEqualTo("PADES");
    assertThat(sig.at("/signatures/0/integrity").asText()).isEqualTo("INTACT");
    assertThat(sig.at("/signatures/0/messageVi").asText()).isNotBlank();
  }

  @Test
  void corruptedSignedPdfIsInvalid() throws Exception {
    HttpResponse<String> r = upload("FREE", sigs.resolve("pades/pdf-signed-corrupted.pdf"), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(RunningArchive.json(r).at("/signature/status").asText()).isEqualTo("INVALID");
  }

  @Test
  void detachedSignatureIsCheckedAgainstTheFile() throws Exception {
    Path hello = sigs.resolve("cades/HelloWorld.txt");
    Path p7s = sigs.resolve("cades/cades-bes-signeddata-detached.p7s");
    JsonNode good = RunningArchive.json(upload("FREE", hello, p7s));
    assertThat(good.at("/signature/signatures/0/integrity").asText()).isEqualTo("INTACT");
    JsonNode other =
        RunningArchive.json(upload("FREE", sigs.resolve("cades/dss-916/test.txt"), p7s));
    assertThat(other.at("/signature/status").asText()).isEqualTo("INVALID");
  }

  @Test
  void malformedDetachedSignatureIsRefused() throws Exception {
    HttpResponse<String> r =
        upload(
            "FREE",
            sigs.resolve("cades/HelloWorld.txt"),
            sigs.resolve("cades/malformed-cades.p7m"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(RunningArchive.json(r).get("code").asText()).isEqualTo("SIGNATURE_MALFORMED");
  }

  @Test
  void agencyPolicyRefusesUnsignedAndNotValid() throws Exception {
    Path plain = Corpus.viLegal().get(1);
    HttpResponse<String> unsigned = upload("SIGNED", plain, null);
    assertThat(unsigned.statusCode()).isEqualTo(422);
    assertThat(RunningArchive.json(unsigned).get("code").asText()).isEqualTo("SIGNATURE_REQUIRED");
    assertThat(upload("SIGNED", sigs.resolve("pades/pdf-signed-original.pdf"), null).statusCode())
        .isEqualTo(201);
    HttpResponse<String> untrusted =
        upload("VALIDONLY", sigs.resolve("pades/pdf-signed-original.pdf"), null);
    assertThat(untrusted.statusCode()).isEqualTo(422);
    assertThat(RunningArchive.json(untrusted).get("code").asText())
        .isEqualTo("SIGNATURE_NOT_VALID");
  }

  @Test
  void evidenceIsPendingUntilTheRunThenVerifiesTheBytes() throws Exception {
    Path file = Corpus.viLegal().get(3);
    String id = RunningArchive.json(upload("FREE", file, null)).get("id").asText();
    HttpResponse<String> pending = archive.get("records/" + id + "/evidence", admin);
    assertThat(pending.statusCode()).isEqualTo(404);
    assertThat(RunningArchive.json(pending).get("code").asText()).isEqualTo("EVIDENCE_PENDING");
    assertThat(RunningArchive.json(pending).get("nextRun").asText()).isNotBlank();
    assertThat(archive.wiring().evidence().runOnce()).isGreaterThanOrEqualTo(1);
    var ers = archive.download("records/" + id + "/evidence", admin);
    assertThat(ers.statusCode()).isEqualTo(200);
    byte[] der = ers.body().readAllBytes();
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    var records = archive.wiring().evidenceRecords();
    assertThat(records.verify(der, bytes).valid()).isTrue();
    bytes[bytes.length / 2] ^= 1;
    assertThat(records.verify(der, bytes).valid()).isFalse();
  }

  @Test
  void receiptVerifiesWithThePublishedCertificate() throws Exception {
    JsonNode rec = RunningArchive.json(upload("FREE", Corpus.viLegal().get(2), null));
    JsonNode certs = RunningArchive.json(archive.get("archive/certificates", admin));
    List<X509Certificate> published = new ArrayList<>();
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (JsonNode c : certs.get("certificates")) {
      published.add(
          (X509Certificate)
              cf.generateCertificate(
                  new ByteArrayInputStream(
                      c.get("pem").asText().getBytes(StandardCharsets.US_ASCII))));
    }
    var check = new ReceiptVerifier(published).verify(rec.get("receipt").asText());
    assertThat(check.valid()).as(check.reason()).isTrue();
    assertThat(check.payload())
        .isEqualTo(
            "{\"id\":\""
                + rec.get("id").asText()
                + "\",\"sha256\":\""
                + rec.get("sha256").asText()
                + "\",\"createdAt\":\""
                + rec.get("createdAt").asText()
                + "\"}");
  }
}
