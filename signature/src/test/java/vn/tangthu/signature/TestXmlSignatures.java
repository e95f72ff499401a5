package vn.tangthu.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Signs XML documents (edXML messages) with the JDK's {@code javax.xml.crypto} and the signer of a
 * {@link TestPki}: an enveloped XML-DSig signature placed in the {@code edXMLHeader} (the
 * envelope's signature part) when there is one, else at the end of the root element.
 *
 * <p>Public for archive-api's tests, which use it through this module's test jar.
 */
public final class TestXmlSignatures {
  private TestXmlSignatures() {}

  /** {@code xml} with an enveloped signature over the whole document ({@code URI=""}). */
  public static byte[] signEnveloped(byte[] xml, TestPki pki) throws Exception {
    return sign(xml, pki, "");
  }

  /**
   * {@code xml} with a signature whose one reference is {@code uri}, outside the document; the
   * signer hashes {@code externalContent} for it instead of fetching anything.
   */
  public static byte[] signExternal(byte[] xml, TestPki pki, String uri, byte[] externalContent)
      throws Exception {
    return sign(xml, pki, uri, externalContent);
  }

  private static byte[] sign(byte[] xml, TestPki pki, String uri) throws Exception {
    return sign(xml, pki, uri, null);
  }

  private static byte[] sign(byte[] xml, TestPki pki, String uri, byte[] external)
      throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    List<Transform> transforms = new ArrayList<>();
    if (uri.isEmpty()) {
      transforms.add(fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
      transforms.add(
          fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
    }
    Reference ref =
        fac.newReference(
            uri, fac.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null);
    SignedInfo si =
        fac.newSignedInfo(
            fac.newCanonicalizationMethod(
                CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
            fac.newSignatureMethod(SignatureMethod.ECDSA_SHA256, null),
            List.of(ref));
    KeyInfoFactory kif = fac.getKeyInfoFactory();
    KeyInfo ki =
        kif.newKeyInfo(
            List.of(kif.newX509Data(List.of(pki.signer.cert(), pki.intermediate.cert()))));
    DOMSignContext ctx = new DOMSignContext(pki.signer.keys().getPrivate(), parent(doc));
    ctx.setDefaultNamespacePrefix("ds");
    if (external != null) {
      ctx.setURIDereferencer(
          (r, c) -> new OctetStreamData(new ByteArrayInputStream(external), r.getURI(), null));
    }
    fac.newXMLSignature(si, ki).sign(ctx);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newDefaultInstance()
        .newTransformer()
        .transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  /** The envelope's header ({@code edXMLHeader}) when there is one, else the root element. */
  private static Element parent(Document doc) {
    NodeList headers = doc.getElementsByTagNameNS("*", "edXMLHeader");
    return headers.getLength() > 0 ? (Element) headers.item(0) : doc.getDocumentElement();
  }

  /** Replaces the first {@code from} of the UTF-8 document by {@code to}. */
  public static byte[] replace(byte[] xml, String from, String to) {
    String s = new String(xml, StandardCharsets.UTF_8);
    if (!s.contains(from)) {
      throw new IllegalArgumentException("not in the document: " + from);
    }
    return s.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8);
  }
}
