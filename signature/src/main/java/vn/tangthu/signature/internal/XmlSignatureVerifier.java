package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import vn.tangthu.signature.ChangesAfter;
import vn.tangthu.signature.Integrity;
import vn.tangthu.signature.SignatureCheck;
import vn.tangthu.signature.SignatureFormatException;
import vn.tangthu.signature.SignatureKind;
import vn.tangthu.signature.TimestampStatus;
import vn.tangthu.signature.Trust;

/**
 * XML-DSig signatures ({@code ds:Signature}, enveloped or anywhere in the document, such as an
 * edXML message's header) verified with the JDK's {@code javax.xml.crypto} ("DOM" factory) in
 * secure-validation mode. The document is parsed without DTDs or external entities (a DOCTYPE is
 * refused); references may point only inside the document ({@code ""} or {@code #id}): any other
 * URI is never fetched and leaves the signature {@code UNKNOWN}. The signer is the certificate of
 * the signature's {@code KeyInfo/X509Data}, its chain judged by {@link ChainValidator} like CMS
 * signatures. Thread-safe.
 */
public final class XmlSignatureVerifier {

  /**
   * The largest document verified; larger ones are reported {@code UNKNOWN}, not parsed: the DOM
   * and the canonical form take a few times the document's size, and the verifier child has 256 MiB
   * by default.
   */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  private static final int MAX_SIGNATURES = 16;
  private static final Set<String> ID_NAMES = Set.of("Id", "ID", "id");
  private static final String XADES_SIGNING_TIME = "SigningTime";

  private final ChainValidator chains;
  private final Clock clock;
  private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");

  public XmlSignatureVerifier(ChainValidator chains, Clock clock) {
    this.chains = chains;
    this.clock = clock;
  }

  /**
   * Every XML-DSig signature of {@code file}; an empty list when it has none. A file over {@link
   * #MAX_BYTES} is not read: it gives one {@code UNKNOWN} check (callers ask only about documents
   * known to carry a signature).
   *
   * @throws SignatureFormatException if the file is not well-formed XML or declares a DTD
   */
  public List<SignatureCheck> verify(Path file) throws SignatureFormatException, IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      return List.of(
          check(
              Integrity.UNKNOWN,
              Trust.UNKNOWN,
              false,
              null,
              null,
              new Text(
                  "The XML document of " + size + " bytes is too large to verify its signature.",
                  "Tài liệu XML " + size + " byte quá lớn để kiểm tra chữ ký.")));
    }
    Document doc = parse(file);
    NodeList found = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
    List<SignatureCheck> out = new ArrayList<>();
    Text duplicate = markIds(doc);
    for (int i = 0; i < found.getLength() && i < MAX_SIGNATURES; i++) {
      Element signature = (Element) found.item(i);
      out.add(duplicate == null ? verify(doc, signature) : refused(duplicate));
    }
    return out;
  }

  /** Hardened DOM parsing: no DTD at all, no external entities, no XInclude. */
  static Document parse(Path file) throws SignatureFormatException, IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new DefaultHandler());
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
          });
      try (InputStream in = Files.newInputStream(file)) {
        return b.parse(in);
      }
    } catch (SAXException e) {
      throw new SignatureFormatException(
          "The file is not well-formed XML without a DTD: " + e.getMessage(),
          "Tệp không phải XML hợp lệ không có DTD: " + e.getMessage(),
          e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be hardened", e);
    }
  }

  /**
   * Declares the {@code Id}/{@code ID}/{@code id} attributes as XML IDs so that {@code #id}
   * references resolve; a value used twice would let a reference point at another element than the
   * one shown (signature wrapping), so it is refused: the reason, or null.
   */
  private static Text markIds(Document doc) {
    Set<String> seen = new HashSet<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      NamedNodeMap attributes = e.getAttributes();
      for (int j = 0; j < attributes.getLength(); j++) {
        Attr a = (Attr) attributes.item(j);
        String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
        if (a.getNamespaceURI() == null && ID_NAMES.contains(name)) {
          if (!seen.add(a.getValue())) {
            return new Text(
                "Two elements share the identifier " + a.getValue() + "; the signature is refused.",
                "Hai phần tử trùng mã định danh " + a.getValue() + "; chữ ký bị từ chối.");
          }
          e.setIdAttributeNode(a, true);
        }
      }
    }
    return null;
  }

  /** What the validation found: the integrity, the signer and the certificates it carried. */
  private record Validation(
      Integrity integrity, boolean whole, CertificateKeys keys, Text problem) {}

  private SignatureCheck verify(Document doc, Element signature) {
    Validation v = validate(doc, signature);
    List<Text> why = new ArrayList<>();
    switch (v.integrity()) {
      case INTACT ->
          why.add(
              new Text(
                  "The signed XML is unchanged since it was signed.",
                  "Nội dung XML đã ký không bị thay đổi kể từ khi ký."));
      case BROKEN ->
          why.add(
              new Text(
                  "The XML signature does not match the document: it was changed after signing.",
                  "Chữ ký XML không khớp với tài liệu: tài liệu đã bị thay đổi sau khi ký."));
      case UNKNOWN -> why.add(v.problem());
    }
    X509Certificate signer = v.keys().signer;
    Instant signingTime = signingTime(signature);
    Trust trust = Trust.UNKNOWN;
    if (signer != null) {
      Instant now = clock.instant();
      Instant at = signingTime == null || signingTime.isAfter(now) ? now : signingTime;
      ChainValidator.Result r = chains.validate(signer, v.keys().certificates, at);
      trust = r.trust();
      why.add(r.why());
    }
    if (v.integrity() == Integrity.INTACT && !v.whole()) {
      why.add(
          new Text(
              "The signature covers only parts of the XML document.",
              "Chữ ký chỉ bao phủ một phần tài liệu XML."));
    }
    return check(
        v.integrity(),
        trust,
        v.integrity() == Integrity.INTACT && v.whole(),
        signer == null ? null : Crypto.commonName(signer),
        signingTime,
        Text.join(why));
  }

  private Validation validate(Document doc, Element signature) {
    CertificateKeys keys = new CertificateKeys();
    DOMValidateContext ctx = new DOMValidateContext(keys, signature);
    for (String prefix : List.of("org.jcp.xml.dsig.", "org.apache.jcp.xml.dsig.")) {
      ctx.setProperty(prefix + "secureValidation", Boolean.TRUE);
    }
    SameDocumentOnly dereferencer = new SameDocumentOnly(factory.getURIDereferencer());
    ctx.setURIDereferencer(dereferencer);
    try {
      XMLSignature xml = factory.unmarshalXMLSignature(ctx);
      boolean whole = coversWhole(doc, xml);
      boolean valid = xml.validate(ctx);
      return new Validation(valid ? Integrity.INTACT : Integrity.BROKEN, whole, keys, null);
    } catch (Exception | LinkageError e) {
      Text problem =
          dereferencer.refused != null
              ? new Text(
                  "The XML signature refers to "
                      + dereferencer.refused
                      + ", outside the document; the archive does not fetch it, so the signature"
                      + " cannot be checked.",
                  "Chữ ký XML tham chiếu tới "
                      + dereferencer.refused
                      + " nằm ngoài tài liệu; hệ thống không tải về nên không kiểm tra được chữ"
                      + " ký.")
              : keys.signer == null
                  ? new Text(
                      "The XML signature carries no usable signer certificate (KeyInfo/X509Data).",
                      "Chữ ký XML không kèm chứng thư số của người ký (KeyInfo/X509Data).")
                  : new Text(
                      "The XML signature could not be checked (a structure or algorithm the"
                          + " archive does not accept): "
                          + e.getClass().getSimpleName(),
                      "Không kiểm tra được chữ ký XML (cấu trúc hoặc thuật toán không được chấp"
                          + " nhận): "
                          + e.getClass().getSimpleName());
      return new Validation(Integrity.UNKNOWN, false, keys, problem);
    }
  }

  /** Whether a reference names the whole document ({@code ""} or the root element's id). */
  private static boolean coversWhole(Document doc, XMLSignature xml) {
    Element root = doc.getDocumentElement();
    for (Object o : xml.getSignedInfo().getReferences()) {
      String uri = ((Reference) o).getURI();
      if (uri == null) {
        continue;
      }
      if (uri.isEmpty()) {
        return true;
      }
      if (uri.startsWith("#") && doc.getElementById(uri.substring(1)) == root) {
        return true;
      }
    }
    return false;
  }

  /** A XAdES {@code SigningTime} inside the signature, if any (a claim, not proof). */
  private static Instant signingTime(Element signature) {
    NodeList times = signature.getElementsByTagNameNS("*", XADES_SIGNING_TIME);
    if (times.getLength() == 0) {
      return null;
    }
    String t = times.item(0).getTextContent().strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (RuntimeException e) {
      try {
        return OffsetDateTime.parse(t + "Z").toInstant();
      } catch (RuntimeException again) {
        return null;
      }
    }
  }

  private static SignatureCheck refused(Text why) {
    return check(Integrity.UNKNOWN, Trust.UNKNOWN, false, null, null, why);
  }

  private static SignatureCheck check(
      Integrity integrity,
      Trust trust,
      boolean whole,
      String signer,
      Instant signingTime,
      Text why) {
    return new SignatureCheck(
        SignatureKind.XMLDSIG,
        integrity,
        trust,
        TimestampStatus.NONE,
        whole,
        ChangesAfter.NONE,
        signer,
        signingTime,
        why.en(),
        why.vi());
  }

  /**
   * Resolves only same-document references; remembers and refuses any other URI (never fetched).
   */
  private static final class SameDocumentOnly implements URIDereferencer {
    private final URIDereferencer inner;
    volatile String refused;

    SameDocumentOnly(URIDereferencer inner) {
      this.inner = inner;
    }

    @Override
    public javax.xml.crypto.Data dereference(URIReference ref, XMLCryptoContext ctx)
        throws URIReferenceException {
      String uri = ref.getURI();
      if (uri == null || uri.isEmpty() || (uri.startsWith("#") && !uri.contains("("))) {
        return inner.dereference(ref, ctx);
      }
      refused = uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
      throw new URIReferenceException("refused: a reference outside the document");
    }
  }

  /**
   * Takes the signer's key from the first certificate of {@code KeyInfo/X509Data} whose key fits
   * the signature algorithm; keeps every certificate given there as possible intermediates.
   */
  private static final class CertificateKeys extends KeySelector {
    volatile X509Certificate signer;
    volatile List<X509Certificate> certificates = List.of();

    @Override
    public KeySelectorResult select(
        KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
        throws KeySelectorException {
      if (keyInfo == null) {
        throw new KeySelectorException("no KeyInfo");
      }
      List<X509Certificate> certs = new ArrayList<>();
      for (Object content : keyInfo.getContent()) {
        if (content instanceof X509Data data) {
          for (Object o : data.getContent()) {
            if (o instanceof X509Certificate c) {
              certs.add(c);
            }
          }
        }
      }
      certificates = List.copyOf(certs);
      String algorithm = method.getAlgorithm().toLowerCase(java.util.Locale.ROOT);
      for (X509Certificate c : certs) {
        String keyAlgorithm = c.getPublicKey().getAlgorithm().toLowerCase(java.util.Locale.ROOT);
        boolean fits =
            keyAlgorithm.equals("ec")
                ? algorithm.contains("ecdsa")
                : algorithm.contains(keyAlgorithm);
        if (fits && c.getBasicConstraints() < 0) {
          signer = c;
          Key key = c.getPublicKey();
          return () -> key;
        }
      }
      throw new KeySelectorException("no signer certificate in KeyInfo/X509Data");
    }
  }
}
