package vn.tangthu.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * edXML messages written by hand for tests, in either form, independent of the benchmark's
 * generator (which the committed samples come from).
 */
final class Messages {

  static final String QCVN = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
  static final String EDOC = "http://www.go.vn/eDoc";

  /** An attachment: its manifest reference is written unless {@code referenced} is false. */
  record Attachment(
      String contentId, String name, String type, String base64, boolean referenced) {}

  final Map<String, String> header = new LinkedHashMap<>();
  final List<Attachment> attachments = new ArrayList<>();
  boolean envelope;
  boolean signed;
  boolean namespacedAttachmentChildren = true;

  static Messages standard() {
    Messages m = new Messages();
    m.header.put("From/OrganId", "000.00.00.H06");
    m.header.put("From/OrganName", "UBND tỉnh Bắc Ninh");
    m.header.put("DocumentId", "000.00.00.H06,2024/03/15,123/QĐ-UBND");
    m.header.put("Code/CodeNumber", "123");
    m.header.put("Code/CodeNotation", "QĐ-UBND");
    m.header.put("PromulgationInfo/Place", "Bắc Ninh");
    m.header.put("PromulgationInfo/PromulgationDate", "2024/03/15");
    m.header.put("DocumentType/Type", "1");
    m.header.put("DocumentType/TypeName", "Quyết định");
    m.header.put("Subject", "Về việc phê duyệt kế hoạch chuyển đổi số năm 2024");
    m.header.put("SignerInfo/Competence", "KT. CHỦ TỊCH");
    m.header.put("SignerInfo/Position", "PHÓ CHỦ TỊCH");
    m.header.put("SignerInfo/FullName", "Nguyễn Văn An");
    m.attach("att-1", "quyet-dinh-123.txt", "text/plain", "Nội dung quyết định số 123");
    return m;
  }

  Messages attach(String id, String name, String type, String text) {
    return attachRaw(id, name, type, b64(text.getBytes(StandardCharsets.UTF_8)), true);
  }

  Messages attachRaw(String id, String name, String type, String base64, boolean referenced) {
    attachments.add(new Attachment(id, name, type, base64, referenced));
    return this;
  }

  Messages set(String path, String value) {
    if (value == null) {
      header.remove(path);
    } else {
      header.put(path, value);
    }
    return this;
  }

  static String b64(byte[] bytes) {
    return Base64.getMimeEncoder().encodeToString(bytes);
  }

  byte[] bytes() {
    return xml().getBytes(StandardCharsets.UTF_8);
  }

  String xml() {
    String p = envelope ? "" : "edXML:";
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (envelope) {
      s.append("<EdXMLEnvelope xmlns=\"").append(EDOC).append("\">\n");
    } else {
      s.append("<edXML:edXML xmlns:edXML=\"").append(QCVN).append("\">\n");
      s.append("<edXML:edXMLEnvelope><edXML:edXMLHeader>\n");
    }
    s.append('<').append(p).append("MessageHeader>\n");
    header(s, p);
    s.append("</").append(p).append("MessageHeader>\n");
    s.append('<')
        .append(p)
        .append("TraceHeaderList><")
        .append(p)
        .append("TraceHeader><")
        .append(p)
        .append("OrganId>000.00.00.H06</")
        .append(p)
        .append("OrganId></")
        .append(p)
        .append("TraceHeader></")
        .append(p)
        .append("TraceHeaderList>\n");
    if (signed) {
      s.append("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>")
          .append("<Reference URI=\"\"><DigestValue>AAAA</DigestValue></Reference>")
          .append("</SignedInfo><SignatureValue>AAAA</SignatureValue></Signature>\n");
    }
    if (!envelope) {
      s.append("</edXML:edXMLHeader><edXML:edXMLBody>");
    }
    manifest(s, p);
    if (!envelope) {
      s.append("</edXML:edXMLBody></edXML:edXMLEnvelope>\n");
    }
    attachments(s, p);
    s.append(envelope ? "</EdXMLEnvelope>\n" : "</edXML:edXML>\n");
    return s.toString();
  }

  private void header(StringBuilder s, String p) {
    String open = null;
    for (Map.Entry<String, String> e : header.entrySet()) {
      String[] parts = e.getKey().split("/");
      String group = parts.length == 2 ? parts[0] : null;
      if (open != null && !open.equals(group)) {
        s.append("</").append(p).append(open).append(">\n");
        open = null;
      }
      if (group != null && open == null) {
        s.append('<').append(p).append(group).append('>');
        open = group;
      }
      String leaf = parts[parts.length - 1];
      s.append('<')
          .append(p)
          .append(leaf)
          .append('>')
          .append(escape(e.getValue()))
          .append("</")
          .append(p)
          .append(leaf)
          .append(">\n");
    }
    if (open != null) {
      s.append("</").append(p).append(open).append(">\n");
    }
  }

  private void manifest(StringBuilder s, String p) {
    String manifest = envelope ? "Manifest" : "edXMLManifest";
    s.append('<').append(p).append(manifest).append(">\n");
    for (Attachment a : attachments) {
      if (!a.referenced()) {
        continue;
      }
      s.append('<').append(p).append("Reference>");
      field(s, p, "ContentId", a.contentId());
      field(s, p, "ContentType", a.type());
      field(s, p, "AttachmentName", a.name());
      s.append("</").append(p).append("Reference>\n");
    }
    s.append("</").append(p).append(manifest).append(">\n");
  }

  private void attachments(StringBuilder s, String p) {
    String c = namespacedAttachmentChildren ? p : "";
    s.append('<').append(p).append("AttachmentEncoded>\n");
    for (Attachment a : attachments) {
      s.append('<').append(p).append("Attachment>");
      field(s, c, "ContentId", a.contentId());
      field(s, c, "AttachmentName", a.name());
      field(s, c, "ContentType", a.type());
      s.append('<')
          .append(c)
          .append("ContentTransferEncoded>")
          .append(a.base64())
          .append("</")
          .append(c)
          .append("ContentTransferEncoded>");
      s.append("</").append(p).append("Attachment>\n");
    }
    s.append("</").append(p).append("AttachmentEncoded>\n");
  }

  private static void field(StringBuilder s, String p, String name, String value) {
    if (value != null) {
      s.append('<')
          .append(p)
          .append(name)
          .append('>')
          .append(escape(value))
          .append("</")
          .append(p)
          .append(name)
          .append('>');
    }
  }

  static String escape(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
