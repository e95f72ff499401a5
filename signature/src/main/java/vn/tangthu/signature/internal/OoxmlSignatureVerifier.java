package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.xpath.XPathConstants;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.ooxml.util.XPathHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.dsig.KeyInfoKeySelector;
import org.apache.poi.poifs.crypt.dsig.SignatureConfig;
import org.apache.poi.poifs.crypt.dsig.SignatureInfo;
import org.apache.poi.poifs.crypt.dsig.SignaturePart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.tangthu.signature.ChangesAfter;
import vn.tangthu.signature.Integrity;
import vn.tangthu.signature.SignatureCheck;
import vn.tangthu.signature.SignatureFormatException;
import vn.tangthu.signature.SignatureKind;
import vn.tangthu.signature.TimestampStatus;
import vn.tangthu.signature.Trust;

/**
 * Package signatures of OOXML files ({@code _xmlsignatures/*.xml}), verified with Apache POI's
 * XML-DSig support (relationship transform included), and of ODF files ({@code
 * META-INF/documentsignatures.xml}), which are only detected ({@code UNKNOWN}). XAdES timestamps
 * inside OOXML signatures are not checked ({@code timestamp} stays {@code NONE}).
 */
public final class OoxmlSignatureVerifier {
  private static final int MAX_ENTRIES = 100_000;

  private final ChainValidator chains;
  private final Clock clock;

  public OoxmlSignatureVerifier(ChainValidator chains, Clock clock) {
    this.chains = chains;
    this.clock = clock;
  }

  /**
   * Verifies the package signatures found.
   *
   * @throws SignatureFormatException if the file is not a ZIP package
   */
  public List<SignatureCheck> verify(Path file) throws SignatureFormatException, IOException {
    boolean ooxml = false;
    boolean odf = false;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      int n = 0;
      while (entries.hasMoreElements() && n++ < MAX_ENTRIES) {
        String name = entries.nextElement().getName().toLowerCase(Locale.ROOT);
        ooxml |= name.startsWith("_xmlsignatures/");
        odf |= name.equals("meta-inf/documentsignatures.xml");
      }
    } catch (ZipException e) {
      throw new SignatureFormatException(
          "The file is not an Office (OOXML/ODF) package.",
          "Tệp không phải gói tài liệu Office (OOXML/ODF).",
          e);
    }
    List<SignatureCheck> out = new ArrayList<>();
    if (ooxml) {
      out.addAll(ooxml(file));
    }
    if (odf) {
      out.add(
          unverified(
              SignatureKind.ODF,
              new Text(
                  "The document carries an OpenDocument signature, which the archive cannot verify"
                      + " yet.",
                  "Tài liệu có chữ ký số OpenDocument, hệ thống chưa kiểm tra được loại chữ ký"
                      + " này.")));
    }
    return out;
  }

  /**
   * The package's parts that a signature should cover, as part names ({@code /word/document.xml}):
   * every ZIP entry but {@code [Content_Types].xml} (covered through each reference's content type)
   * and the signature parts themselves.
   */
  private static Set<String> signableParts(Path file) throws IOException {
    Set<String> out = new TreeSet<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      int n = 0;
      while (entries.hasMoreElements() && n++ < MAX_ENTRIES) {
        ZipEntry e = entries.nextElement();
        String name = e.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (e.isDirectory()
            || lower.equals("[content_types].xml")
            || lower.startsWith("_xmlsignatures/")) {
          continue;
        }
        out.add("/" + name);
      }
    }
    return out;
  }

  /** The part names a signature's references point to (query and fragment removed). */
  private static Set<String> referencedParts(SignaturePart part) {
    Set<String> out = new TreeSet<>();
    try (InputStream in = part.getPackagePart().getInputStream()) {
      Document doc = DocumentHelper.readDocument(in);
      NodeList all = doc.getElementsByTagNameNS("*", "Reference");
      for (int i = 0; i < all.getLength(); i++) {
        String uri = ((Element) all.item(i)).getAttribute("URI");
        if (!uri.startsWith("/")) {
          continue;
        }
        int cut = uri.indexOf('?');
        String name = cut < 0 ? uri : uri.substring(0, cut);
        out.add(URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    } catch (Exception | LinkageError e) {
      out.clear();
    }
    return out;
  }

  private List<SignatureCheck> ooxml(Path file) {
    List<SignatureCheck> out = new ArrayList<>();
    Set<String> parts;
    try {
      parts = signableParts(file);
    } catch (IOException e) {
      parts = Set.of("?");
    }
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      SignatureConfig config = new SignatureConfig();
      config.setSecureValidation(true);
      SignatureInfo info = new SignatureInfo();
      info.setOpcPackage(pkg);
      info.setSignatureConfig(config);
      for (SignaturePart part : info.getSignatureParts()) {
        out.add(check(part, info, parts));
      }
      pkg.revert();
    } catch (Exception | LinkageError e) {
      out.clear();
    }
    if (out.isEmpty()) {
      out.add(
          unverified(
              SignatureKind.OOXML,
              new Text(
                  "The document carries an Office package signature that the archive could not"
                      + " read.",
                  "Tài liệu có chữ ký số của gói Office nhưng hệ thống không đọc được.")));
    }
    return out;
  }

  /** Integrity, signer and chain of the validation, or null fields when it could not run. */
  private record Validation(
      Integrity integrity, X509Certificate signer, List<X509Certificate> chain) {}

  /**
   * Validates like POI's {@code SignaturePart.validate()}, but tells a signature that does not
   * match (BROKEN) from one that cannot be processed (UNKNOWN), and keeps the signer in both cases.
   */
  private static Validation validate(SignaturePart part, SignatureInfo info) {
    KeyInfoKeySelector keys = new KeyInfoKeySelector();
    try (InputStream in = part.getPackagePart().getInputStream()) {
      Document doc = DocumentHelper.readDocument(in);
      NodeList ids =
          (NodeList)
              XPathHelper.getFactory()
                  .newXPath()
                  .compile("//*[@Id]")
                  .evaluate(doc, XPathConstants.NODESET);
      for (int i = 0; i < ids.getLength(); i++) {
        ((Element) ids.item(i)).setIdAttribute("Id", true);
      }
      DOMValidateContext ctx = new DOMValidateContext(keys, doc);
      for (String prefix : List.of("org.apache.jcp.xml.dsig.", "org.jcp.xml.dsig.")) {
        ctx.setProperty(prefix + "validateManifests", Boolean.TRUE);
        ctx.setProperty(prefix + "secureValidation", Boolean.TRUE);
      }
      ctx.setURIDereferencer(info.getUriDereferencer());
      XMLSignature signature = info.getSignatureFactory().unmarshalXMLSignature(ctx);
      boolean valid = signature.validate(ctx);
      return new Validation(
          valid ? Integrity.INTACT : Integrity.BROKEN, keys.getSigner(), keys.getCertChain());
    } catch (Exception | LinkageError e) {
      return new Validation(Integrity.UNKNOWN, keys.getSigner(), keys.getCertChain());
    }
  }

  private SignatureCheck check(SignaturePart part, SignatureInfo info, Set<String> parts) {
    List<Text> why = new ArrayList<>();
    Validation v = validate(part, info);
    X509Certificate signer = v.signer();
    Integrity integrity = signer == null ? Integrity.UNKNOWN : v.integrity();
    switch (integrity) {
      case INTACT ->
          why.add(
              new Text(
                  "The signed parts of the document are unchanged since they were signed.",
                  "Các phần đã ký của tài liệu không bị thay đổi kể từ khi ký."));
      case BROKEN ->
          why.add(
              new Text(
                  "The Office signature does not match the document: it was changed after signing.",
                  "Chữ ký Office không khớp với tài liệu: tài liệu đã bị thay đổi sau khi ký."));
      case UNKNOWN ->
          why.add(
              new Text(
                  "The Office signature could not be checked (no signer certificate found, or a"
                      + " structure the archive does not accept).",
                  "Không kiểm tra được chữ ký Office (không thấy chứng thư số của người ký hoặc cấu"
                      + " trúc không được chấp nhận)."));
    }
    Instant signingTime = claimedSigningTime(part);
    Trust trust = Trust.UNKNOWN;
    if (signer != null) {
      Instant at =
          signingTime == null || signingTime.isAfter(clock.instant())
              ? clock.instant()
              : signingTime;
      List<X509Certificate> chain = v.chain() == null ? List.of() : v.chain();
      ChainValidator.Result r = chains.validate(signer, chain, at);
      trust = r.trust();
      why.add(r.why());
    }
    Set<String> uncovered = new TreeSet<>(parts);
    Set<String> referenced = referencedParts(part);
    uncovered.removeAll(referenced);
    boolean covers = !referenced.isEmpty() && uncovered.isEmpty();
    if (!covers && !referenced.isEmpty()) {
      String list = String.join(", ", uncovered.stream().limit(10).toList());
      why.add(
          new Text(
              "Parts of the package are outside the signature (they may have been added or"
                  + " changed after signing): "
                  + list
                  + ".",
              "Một số phần của gói tài liệu nằm ngoài phạm vi chữ ký (có thể đã được thêm hoặc"
                  + " sửa sau khi ký): "
                  + list
                  + "."));
    }
    Text all = Text.join(why);
    return new SignatureCheck(
        SignatureKind.OOXML,
        integrity,
        trust,
        TimestampStatus.NONE,
        covers,
        ChangesAfter.NONE,
        signer == null ? null : Crypto.commonName(signer),
        signingTime,
        all.en(),
        all.vi());
  }

  private static final Pattern SIGNING_TIME =
      Pattern.compile(
          "<(?:[A-Za-z0-9]+:)?(?:SigningTime|Value)>\\s*(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(?:Z|[+-]\\d\\d:\\d\\d)?)\\s*<");

  /** The signing time the signature claims (XAdES SigningTime or the OOXML SignatureTime). */
  private static Instant claimedSigningTime(SignaturePart part) {
    try (InputStream in = part.getPackagePart().getInputStream()) {
      String xml = new String(in.readNBytes(4 * 1024 * 1024), StandardCharsets.UTF_8);
      Matcher m = SIGNING_TIME.matcher(xml);
      if (!m.find()) {
        return null;
      }
      String t = m.group(1);
      return t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")
          ? OffsetDateTime.parse(t).toInstant()
          : OffsetDateTime.parse(t + "Z").toInstant();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static SignatureCheck unverified(SignatureKind kind, Text why) {
    return new SignatureCheck(
        kind,
        Integrity.UNKNOWN,
        Trust.UNKNOWN,
        TimestampStatus.NONE,
        false,
        ChangesAfter.NONE,
        null,
        null,
        why.en(),
        why.vi());
  }
}
