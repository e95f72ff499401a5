package vn.tangthu.bench.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.tangthu.bench.intake.SyntheticDocument.SyntheticFile;

/**
 * Writes a synthetic document as an edXML message: the QCVN 102:2016 form (root {@code edXML},
 * prefix {@code edXML}, {@code edXMLEnvelope} then {@code AttachmentEncoded}) or the older {@code
 * EdXMLEnvelope} form (default namespace {@code http://www.go.vn/eDoc}, {@code MessageHeader}
 * directly inside), indented two spaces a level. Attachments are base64 in 76-character lines,
 * zipped first when the file says so, their children namespaced or not as senders differ. One
 * instance per message.
 */
final class EdxmlWriter {

  static final String QCVN = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
  static final String EDOC = "http://www.go.vn/eDoc";

  /** How one message is written. */
  record Style(boolean envelope, boolean bareAttachmentChildren) {}

  private final XMLStreamWriter w;
  private final String p;
  private final String ns;
  private int depth;

  private EdxmlWriter(XMLStreamWriter w, boolean envelope) {
    this.w = w;
    this.p = envelope ? "" : "edXML";
    this.ns = envelope ? EDOC : QCVN;
  }

  static byte[] bytes(SyntheticDocument d, Style style) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(d, style, out);
    return out.toByteArray();
  }

  static void write(SyntheticDocument d, Style style, OutputStream out) throws IOException {
    try {
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      new EdxmlWriter(w, style.envelope()).message(d, style);
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void message(SyntheticDocument d, Style style) throws XMLStreamException, IOException {
    boolean envelope = style.envelope();
    if (envelope) {
      w.setDefaultNamespace(EDOC);
      w.writeStartElement(EDOC, "EdXMLEnvelope");
      w.writeDefaultNamespace(EDOC);
    } else {
      w.setPrefix(p, QCVN);
      w.writeStartElement(p, "edXML", QCVN);
      w.writeNamespace(p, QCVN);
    }
    depth = 1;
    if (!envelope) {
      start(p, ns, "edXMLEnvelope");
      start(p, ns, "edXMLHeader");
    }
    header(d);
    trace(d);
    if (!envelope) {
      end();
      start(p, ns, "edXMLBody");
    }
    manifest(d, envelope ? "Manifest" : "edXMLManifest");
    if (!envelope) {
      end();
      end();
    }
    attachments(d, style.bareAttachmentChildren());
    end();
  }

  private void header(SyntheticDocument d) throws XMLStreamException {
    start(p, ns, "MessageHeader");
    organ("From", d.sender());
    organ("To", d.recipient());
    leaf(p, ns, "DocumentId", d.documentId());
    start(p, ns, "Code");
    leaf(p, ns, "CodeNumber", d.number());
    leaf(p, ns, "CodeNotation", d.notation());
    end();
    start(p, ns, "PromulgationInfo");
    leaf(p, ns, "Place", d.sender().place());
    leaf(p, ns, "PromulgationDate", d.dateText());
    end();
    start(p, ns, "DocumentType");
    leaf(p, ns, "Type", Integer.toString(d.type().code()));
    leaf(p, ns, "TypeName", d.type().name());
    end();
    leaf(p, ns, "Subject", d.subject());
    leaf(p, ns, "Content", "");
    start(p, ns, "SignerInfo");
    if (d.signer().competence() != null) {
      leaf(p, ns, "Competence", d.signer().competence());
    }
    leaf(p, ns, "Position", d.signer().position());
    leaf(p, ns, "FullName", d.signer().fullName());
    end();
    start(p, ns, "OtherInfo");
    leaf(p, ns, "Priority", "0");
    leaf(p, ns, "SphereOfPromulgation", "Liên thông văn bản quốc gia");
    leaf(p, ns, "PageAmount", "1");
    end();
    end();
  }

  private void organ(String element, SyntheticDocument.Agency a) throws XMLStreamException {
    start(p, ns, element);
    leaf(p, ns, "OrganId", a.organId());
    leaf(p, ns, "OrganName", a.name());
    leaf(p, ns, "OrganAdd", a.place());
    end();
  }

  private void trace(SyntheticDocument d) throws XMLStreamException {
    start(p, ns, "TraceHeaderList");
    start(p, ns, "TraceHeader");
    leaf(p, ns, "OrganId", d.sender().organId());
    leaf(p, ns, "Timestamp", d.issued() + "T08:00:00+07:00");
    end();
    end();
  }

  private void manifest(SyntheticDocument d, String name) throws XMLStreamException {
    start(p, ns, name);
    for (int i = 0; i < d.files().size(); i++) {
      SyntheticFile f = d.files().get(i);
      start(p, ns, "Reference");
      leaf(p, ns, "ContentId", contentId(d, i));
      leaf(p, ns, "ContentType", f.zipped() ? "application/zip" : f.contentType());
      leaf(p, ns, "AttachmentName", attachmentName(f));
      end();
    }
    end();
  }

  private void attachments(SyntheticDocument d, boolean bare)
      throws XMLStreamException, IOException {
    start(p, ns, "AttachmentEncoded");
    // written in reverse: the manifest, not the order here, decides which file is the record
    for (int i = d.files().size() - 1; i >= 0; i--) {
      SyntheticFile f = d.files().get(i);
      start(p, ns, "Attachment");
      String cp = bare ? "" : p;
      String cns = bare ? "" : ns;
      leaf(cp, cns, "ContentId", contentId(d, i));
      leaf(cp, cns, "AttachmentName", attachmentName(f));
      leaf(cp, cns, "ContentType", f.zipped() ? "application/zip" : f.contentType());
      leaf(
          cp,
          cns,
          "ContentTransferEncoded",
          "\n" + Base64.getMimeEncoder().encodeToString(content(f)) + "\n");
      end();
    }
    end();
  }

  static String contentId(SyntheticDocument d, int i) {
    return "cid-" + d.serial() + "-" + (i + 1);
  }

  static String attachmentName(SyntheticFile f) {
    return f.zipped() ? f.name() + ".zip" : f.name();
  }

  /** The bytes as the message carries them: the file, or a zip holding only the file. */
  static byte[] content(SyntheticFile f) throws IOException {
    if (!f.zipped()) {
      return f.bytes();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      ZipEntry e = new ZipEntry(f.name());
      e.setTimeLocal(FileRenderer.FIXED_TIME);
      zip.putNextEntry(e);
      zip.write(f.bytes());
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** A new line indented to the current depth, then the start tag; one level deeper. */
  private void start(String prefix, String namespace, String local) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
    open(prefix, namespace, local);
    depth++;
  }

  /** One level up, a new line indented to it, then the end tag. */
  private void end() throws XMLStreamException {
    depth--;
    w.writeCharacters("\n" + "  ".repeat(depth));
    w.writeEndElement();
  }

  private void leaf(String prefix, String namespace, String local, String text)
      throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
    open(prefix, namespace, local);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private void open(String prefix, String namespace, String local) throws XMLStreamException {
    if (namespace.isEmpty()) {
      w.writeStartElement(local);
      String inherited = w.getNamespaceContext().getNamespaceURI("");
      if (inherited != null && !inherited.isEmpty()) {
        w.writeDefaultNamespace("");
      }
    } else if (prefix.isEmpty()) {
      w.writeStartElement(namespace, local);
    } else {
      w.writeStartElement(prefix, local, namespace);
    }
  }
}
