package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.child.ForkSettings;

/**
 * XML-DSig signatures of edXML messages (the repository's samples, both forms), signed here with
 * {@code javax.xml.crypto} and a throw-away PKI: intact and trusted, tampered, external references
 * never fetched, DTDs refused, in this JVM and in the child.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmlSignatureTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private TestPki pki;
  private SignatureVerifier trusting;
  private HttpServer server;
  private final AtomicInteger fetched = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    pki = new TestPki("XML DSig Test");
    trusting = new SignatureVerifier(TrustStore.of(List.of(pki.root.cert()), List.of()), CLOCK);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          byte[] body = "<!ENTITY x 'fetched'>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  void stop() {
    server.stop(0);
  }

  private static Path sample(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path s = p.resolve("samples/edxml").resolve(name);
      if (Files.isRegularFile(s)) {
        return s;
      }
    }
    throw new IllegalStateException("samples/edxml/" + name + " not found above the module");
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void signedQcvnMessageIsIntactTrustedAndCoversTheWholeMessage() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(Files.readAllBytes(sample("000003.xml")), pki);
    assertThat(new String(signed, StandardCharsets.UTF_8))
        .containsPattern("<edXML:edXMLHeader>[\\s\\S]*<ds:Signature[\\s\\S]*</edXML:edXMLHeader>");

    SignatureReport r = trusting.verifyXml(write("signed.xml", signed));

    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
    SignatureCheck s = r.signatures().get(0);
    assertThat(s.kind()).isEqualTo(SignatureKind.XMLDSIG);
    assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
    assertThat(s.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(s.coversWholeDocument()).isTrue();
    assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
    assertThat(s.messageVi()).contains("không bị thay đổi");
  }

  @Test
  void signedOlderEnvelopeUnderAnUnknownRootIsIndeterminate() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(Files.readAllBytes(sample("000001.xml")), pki);
    SignatureVerifier untrusting = new SignatureVerifier(TrustStore.empty(), CLOCK);

    SignatureReport r = untrusting.verifyXml(write("signed.xml", signed));

    assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(r.signatures().get(0).integrity()).isEqualTo(Integrity.INTACT);
    assertThat(r.signatures().get(0).trust()).isEqualTo(Trust.UNTRUSTED);
  }

  @Test
  void changedSubjectOrAttachmentBreaksTheSignature() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(Files.readAllBytes(sample("000003.xml")), pki);
    String text = new String(signed, StandardCharsets.UTF_8);
    String subject =
        text.substring(text.indexOf("<edXML:Subject>"), text.indexOf("</edXML:Subject>"));
    byte[] tampered = TestXmlSignatures.replace(signed, subject, subject + " (đã sửa)");

    SignatureReport r = trusting.verifyXml(write("tampered.xml", tampered));

    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.signatures().get(0).integrity()).isEqualTo(Integrity.BROKEN);
    assertThat(r.signatures().get(0).kind()).isEqualTo(SignatureKind.XMLDSIG);
    assertThat(r.signatures().get(0).coversWholeDocument()).isFalse();
  }

  @Test
  void unsignedMessageIsNotSigned() throws Exception {
    assertThat(trusting.verifyXml(sample("000002.xml")).status())
        .isEqualTo(SignatureStatus.NOT_SIGNED);
  }

  @Test
  void referenceOutsideTheMessageIsNeverFetchedAndLeavesTheSignatureUnknown() throws Exception {
    byte[] content = "nội dung ngoài".getBytes(StandardCharsets.UTF_8);
    for (String uri : List.of(base() + "/signed-elsewhere", dir.resolve("x.txt").toUri() + "")) {
      Files.write(dir.resolve("x.txt"), content);
      byte[] signed =
          TestXmlSignatures.signExternal(
              Files.readAllBytes(sample("000003.xml")), pki, uri, content);

      SignatureReport r = trusting.verifyXml(write("external.xml", signed));

      assertThat(r.status()).as(uri).isEqualTo(SignatureStatus.INDETERMINATE);
      SignatureCheck s = r.signatures().get(0);
      assertThat(s.integrity()).isEqualTo(Integrity.UNKNOWN);
      assertThat(s.message()).contains(uri).contains("does not fetch");
    }
    assertThat(fetched.get()).isZero();
  }

  @Test
  void documentWithADtdIsRefusedWithoutFetchingIt() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(Files.readAllBytes(sample("000003.xml")), pki);
    String xml = new String(signed, StandardCharsets.UTF_8);
    String root = "edXML:edXML";
    String doctype =
        "<!DOCTYPE "
            + root
            + " SYSTEM \""
            + base()
            + "/evil.dtd\" [<!ENTITY e SYSTEM \""
            + base()
            + "/e\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
    String hostile = xml.replaceFirst("\\?>", "?>" + doctype);
    Path file = write("doctype.xml", hostile.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> trusting.verifyXml(file))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("DTD");
    assertThat(fetched.get()).isZero();
  }

  @Test
  void duplicatedIdentifiersAreRefused() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(Files.readAllBytes(sample("000003.xml")), pki);
    String xml =
        new String(signed, StandardCharsets.UTF_8)
            .replaceFirst("<edXML:Subject>", "<edXML:Subject Id=\"a\">")
            .replaceFirst("<edXML:DocumentId>", "<edXML:DocumentId Id=\"a\">");
    Path file = write("ids.xml", xml.getBytes(StandardCharsets.UTF_8));

    SignatureCheck s = trusting.verifyXml(file).signatures().get(0);

    assertThat(s.integrity()).isEqualTo(Integrity.UNKNOWN);
    assertThat(s.message()).contains("identifier a");
  }

  @Test
  void documentOverTheLimitIsReportedUnknownWithoutParsingIt() throws Exception {
    Path big = dir.resolve("big.xml");
    try (var out = Files.newOutputStream(big)) {
      out.write("<x><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">".getBytes());
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (long n = 0; n <= vn.tangthu.signature.internal.XmlSignatureVerifier.MAX_BYTES; ) {
        out.write(spaces);
        n += spaces.length;
      }
      // not even well-formed: it is never parsed
    }

    SignatureReport r = trusting.verifyXml(big);

    assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(r.signatures().get(0).integrity()).isEqualTo(Integrity.UNKNOWN);
    assertThat(r.signatures().get(0).message()).contains("too large");
  }

  @Test
  void childVerifierAnswersAsThisJvm() throws Exception {
    byte[] signed = TestXmlSignatures.signEnveloped(Files.readAllBytes(sample("000003.xml")), pki);
    Path file = write("forked.xml", signed);
    TrustStore trust = TrustStore.of(List.of(pki.root.cert()), List.of());
    try (ForkedSignatureVerifier forked =
        new ForkedSignatureVerifier(
            trust, CLOCK, ForkSettings.fromThisJvm(1, 256), Duration.ofSeconds(60))) {
      assertThat(forked.verifyXml(file)).isEqualTo(trusting.verifyXml(file));
    }
  }
}
