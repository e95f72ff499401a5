package vn.tangthu.archive.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An edXML message for tests, in the QCVN 102:2016 form ({@code edXML}) or the older {@code
 * EdXMLEnvelope} form, with its attachments base64-encoded in the message.
 */
final class Edxml {

  static final String QCVN = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
  static final String EDOC = "http://www.go.vn/eDoc";

  /** An attachment; {@code base64} is written as given (garbage included). */
  record Attachment(String contentId, String name, String type, String base64) {}

  final Map<String, String> header = new LinkedHashMap<>();
  final List<Attachment> attachments = new ArrayList<>();
  final java.util.Set<String> raw = new java.util.HashSet<>();
  boolean envelope;
  String doctype = "";

  /** A message from {@code organId} numbered {@code number}, with one text attachment. */
  static Edxml message(String organId, String organName, int number, String text) {
    Edxml m = new Edxml();
    m.header.put("From/OrganId", organId);
    m.header.put("From/OrganName", organName);
    m.header.put("DocumentId", organId + ",2024/03/15," + number + "/QĐ-UBND");
    m.header.put("Code/CodeNumber", Integer.toString(number));
    m.header.put("Code/CodeNotation", "QĐ-UBND");
    m.header.put("PromulgationInfo/Place", "Bắc Ninh");
    m.header.put("PromulgationInfo/PromulgationDate", "2024/03/15");
    m.header.put("DocumentType/Type", "1");
    m.header.put("DocumentType/TypeName", "Quyết định");
    m.header.put("Subject", "Về việc phê duyệt kế hoạch số " + number);
    m.header.put("SignerInfo/Competence", "KT. CHỦ TỊCH");
    m.header.put("SignerInfo/Position", "PHÓ CHỦ TỊCH");
    m.header.put("SignerInfo/FullName", "Nguyễn Văn An");
    m.attach("att-1", "quyet-dinh-" + number + ".txt", "text/plain", text);
    return m;
  }

  Edxml attach(String id, String name, String type, String text) {
    return attachBase64(
        id,
        name,
        type,
        Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  Edxml attachBase64(String id, String name, String type, String base64) {
    attachments.add(new Attachment(id, name, type, base64));
    return this;
  }

  Edxml set(String path, String value) {
    header.put(path, value);
    return this;
  }

  /** A header value written as markup, unescaped (an entity reference, …). */
  Edxml setRaw(String path, String markup) {
    raw.add(path);
    return set(path, markup);
  }

  byte[] bytes() {
    return xml().getBytes(StandardCharsets.UTF_8);
  }

  String xml() {
    String p = envelope ? "" : "edXML:";
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append(doctype);
    if (envelope) {
      s.append("<EdXMLEnvelope xmlns=\"").append(EDOC).append("\">\n");
    } else {
      s.append("<edXML:edXML xmlns:edXML=\"").append(QCVN).append("\">\n");
      s.append("<edXML:edXMLEnvelope><edXML:edXMLHeader>\n");
    }
    s.append('<').append(p).append("MessageHeader>\n");
    header(s, p);
    s.append("</").append(p).append("MessageHeader>\n");
    if (!envelope) {
      s.append("</edXML:edXMLHeader><edXML:edXMLBody>");
    }
    String manifest = envelope ? "Manifest" : "edXMLManifest";
    s.append('<').append(p).append(manifest).append(">\n");
    for (Attachment a : attachments) {
      s.append('<').append(p).append("Reference>");
      field(s, p, "ContentId", a.contentId());
      field(s, p, "ContentType", a.type());
      field(s, p, "AttachmentName", a.name());
      s.append("</").append(p).append("Reference>\n");
    }
    s.append("</").append(p).append(manifest).append(">\n");
    if (!envelope) {
      s.append("</edXML:edXMLBody></edXML:edXMLEnvelope>\n");
    }
    s.append('<').append(p).append("AttachmentEncoded>\n");
    for (Attachment a : attachments) {
      s.append('<').append(p).append("Attachment>");
      field(s, p, "ContentId", a.contentId());
      field(s, p, "AttachmentName", a.name());
      field(s, p, "ContentType", a.type());
      s.append('<').append(p).append("ContentTransferEncoded>").append(a.base64());
      s.append("</").append(p).append("ContentTransferEncoded>");
      s.append("</").append(p).append("Attachment>\n");
    }
    s.append("</").append(p).append("AttachmentEncoded>\n");
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
      if (raw.contains(e.getKey())) {
        s.append('<').append(p).append(leaf).append('>').append(e.getValue());
        s.append("</").append(p).append(leaf).append('>');
      } else {
        field(s, p, leaf, e.getValue());
      }
      s.append('\n');
    }
    if (open != null) {
      s.append("</").append(p).append(open).append(">\n");
    }
  }

  private static void field(StringBuilder s, String p, String name, String value) {
    s.append('<').append(p).append(name).append('>');
    s.append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    s.append("</").append(p).append(name).append('>');
  }
}
