package vn.tangthu.intake.internal.edxml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.EdxmlForm;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.internal.io.BoundedFileOutput;
import vn.tangthu.intake.internal.io.SpoolDir;

/**
 * Reads one edXML message in a single streaming pass: the {@code MessageHeader} fields the mapping
 * needs, the manifest's references, and every attachment's base64 content decoded straight into a
 * spool file (never held as a string). Element names are matched by local name, so namespaces,
 * prefixes and their absence do not matter, in both the QCVN 102:2016 and the {@code EdXMLEnvelope}
 * layout. Content failures are {@link ItemReadException}s: {@code XML_HOSTILE}, {@code
 * EDXML_INVALID}, {@code ATTACHMENT_INVALID}, {@code ENTRY_TOO_LARGE}. One instance per message.
 */
final class EdxmlParser {

  static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

  /** Paths below {@code MessageHeader} whose text is kept. */
  static final Set<String> HEADER_FIELDS =
      Set.of(
          "From/OrganId",
          "From/OrganName",
          "DocumentId",
          "Code/CodeNumber",
          "Code/CodeNotation",
          "PromulgationInfo/Place",
          "PromulgationInfo/PromulgationDate",
          "DocumentType",
          "DocumentType/TypeName",
          "Subject",
          "SignerInfo/Competence",
          "SignerInfo/Position",
          "SignerInfo/FullName",
          "SignerInfo/Signer");

  private static final Set<String> REFERENCE_FIELDS =
      Set.of("ContentId", "ContentType", "AttachmentName", "Description");
  private static final Set<String> ATTACHMENT_FIELDS =
      Set.of("ContentId", "ContentType", "AttachmentName", "Description");
  private static final Set<String> CONTENT = Set.of("ContentTransferEncoded", "Content");

  private enum Role {
    ROOT,
    OTHER,
    HEADER,
    HEADER_PART,
    REFERENCE,
    ATTACHMENT,
    FIELD
  }

  /** One open element. */
  private static final class Frame {
    final String local;
    final Role role;
    final String path;
    final String label;
    final StringBuilder text;

    Frame(String local, Role role, String path, String label, boolean collect) {
      this.local = local;
      this.role = role;
      this.path = path;
      this.label = label;
      this.text = collect ? new StringBuilder() : null;
    }

    Frame(String local, Role role) {
      this(local, role, null, local, false);
    }
  }

  private final IntakeLimits limits;
  private final SpoolDir spool;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, String> header = new LinkedHashMap<>();
  private final List<ParsedMessage.Reference> references = new ArrayList<>();
  private final List<ParsedMessage.Attachment> attachments = new ArrayList<>();
  private final List<Path> spooled = new ArrayList<>();
  private Map<String, String> fields;
  private Path content;
  private long contentSize = -1;
  private EdxmlForm form;
  private boolean sawHeader;
  private boolean signed;

  EdxmlParser(IntakeLimits limits, SpoolDir spool) {
    this.limits = limits;
    this.spool = spool;
  }

  /** The form a root element of this local name means, or {@code null}. */
  static EdxmlForm formOf(String local) {
    return switch (local) {
      case "edXML" -> EdxmlForm.QCVN_102_2016;
      case "EdXMLEnvelope", "edXMLEnvelope" -> EdxmlForm.EDXML_ENVELOPE;
      default -> null;
    };
  }

  /**
   * Parses {@code raw} (closed here). On failure, every spool file written is deleted.
   *
   * @throws ItemReadException when the message is at fault
   * @throws ChannelReadException when the package's channel fails
   */
  ParsedMessage parse(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
    MarkupGuard guard = new MarkupGuard(in, limits.maxMarkupBytes());
    try {
      rejectUtf16(in);
      XMLStreamReader r = SafeXml.reader(guard);
      try {
        walk(r);
      } finally {
        r.close();
      }
      if (!sawHeader) {
        throw invalid("the message has no MessageHeader");
      }
      return new ParsedMessage(form, header, references, attachments, signed);
    } catch (XMLStreamException | IOException e) {
      discard();
      throw translate(e, guard);
    } catch (RuntimeException e) {
      discard();
      throw invalid("the XML reader failed: " + e);
    } finally {
      SafeXml.close(in);
    }
  }

  /** Deletes the spool files of a failed parse. */
  private void discard() {
    spooled.forEach(SpoolDir::delete);
  }

  private static void rejectUtf16(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] h = in.readNBytes(2);
    in.reset();
    if (h.length == 2 && (h[0] == 0 || h[1] == 0 || (h[0] & 0xff) >= 0xfe)) {
      throw invalid("the message is not in UTF-8 (edXML is exchanged in UTF-8)");
    }
  }

  private void walk(XMLStreamReader r) throws XMLStreamException, IOException {
    while (r.hasNext()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> start(r);
        case XMLStreamConstants.END_ELEMENT -> end();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text(r);
        case XMLStreamConstants.DTD ->
            throw new ItemReadException(
                ItemErrorCode.XML_HOSTILE, "refused: the message declares a DTD");
        default -> {}
      }
    }
  }

  private void start(XMLStreamReader r) throws XMLStreamException, IOException {
    String local = r.getLocalName();
    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
    if (stack.size() >= limits.maxElementDepth()) {
      throw new ItemReadException(
          ItemErrorCode.XML_HOSTILE,
          "refused: elements nested deeper than "
              + limits.maxElementDepth()
              + " (at "
              + local
              + ")");
    }
    if (stack.isEmpty()) {
      form = formOf(local);
      if (form == null) {
        throw invalid("the root element is " + local + ", not edXML or EdXMLEnvelope");
      }
      stack.push(new Frame(local, Role.ROOT));
      return;
    }
    if (DSIG.equals(ns)) {
      signed |= local.equals("Signature");
      skip(r);
      return;
    }
    Frame parent = stack.peek();
    switch (parent.role) {
      case HEADER, HEADER_PART -> {
        String path = parent.path == null ? local : parent.path + "/" + local;
        stack.push(
            new Frame(
                local,
                Role.HEADER_PART,
                path,
                "MessageHeader/" + path,
                HEADER_FIELDS.contains(path)));
      }
      case REFERENCE -> stack.push(field(local, parent, REFERENCE_FIELDS));
      case ATTACHMENT -> {
        if (CONTENT.contains(local)) {
          decode(r, local);
        } else {
          stack.push(field(local, parent, ATTACHMENT_FIELDS));
        }
      }
      case FIELD -> stack.push(new Frame(local, Role.OTHER));
      default -> stack.push(structural(local, parent));
    }
  }

  private static Frame field(String local, Frame parent, Set<String> kept) {
    return new Frame(local, Role.FIELD, local, parent.local + "/" + local, kept.contains(local));
  }

  private Frame structural(String local, Frame parent) throws ItemReadException {
    if (local.equals("MessageHeader")) {
      if (sawHeader) {
        throw invalid("the message has more than one MessageHeader");
      }
      sawHeader = true;
      return new Frame(local, Role.HEADER);
    }
    boolean inManifest = parent.local.endsWith("Manifest");
    if (local.equals("Reference") && inManifest) {
      fields = new LinkedHashMap<>();
      return new Frame(local, Role.REFERENCE);
    }
    if (local.equals("Attachment") && (inManifest || parent.local.equals("AttachmentEncoded"))) {
      if (attachments.size() > limits.maxAttachments()) {
        throw new ItemReadException(
            ItemErrorCode.ATTACHMENT_INVALID,
            "the message has more than " + (limits.maxAttachments() + 1) + " attachments");
      }
      fields = new LinkedHashMap<>();
      content = null;
      contentSize = -1;
      return new Frame(local, Role.ATTACHMENT);
    }
    return new Frame(local, Role.OTHER);
  }

  private void text(XMLStreamReader r) throws ItemReadException {
    Frame top = stack.peek();
    if (top == null || top.text == null) {
      return;
    }
    if (top.text.length() + r.getTextLength() > limits.maxHeaderChars()) {
      throw new ItemReadException(
          ItemErrorCode.XML_HOSTILE,
          "refused: the text of "
              + top.label
              + " is longer than "
              + limits.maxHeaderChars()
              + " characters");
    }
    top.text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
  }

  private void end() throws ItemReadException {
    Frame f = stack.pop();
    String value = f.text == null ? null : f.text.toString().strip();
    if (value != null && !value.isEmpty()) {
      Map<String, String> target = f.role == Role.HEADER_PART ? header : fields;
      String key = f.role == Role.HEADER_PART ? f.path : f.local;
      String before = target.putIfAbsent(key, value);
      if (before != null && !before.equals(value)) {
        throw invalid(f.label + " appears more than once with different values");
      }
    }
    if (f.role == Role.REFERENCE) {
      references.add(
          new ParsedMessage.Reference(
              references.size() + 1,
              fields.get("ContentId"),
              fields.get("ContentType"),
              fields.get("AttachmentName"),
              fields.get("Description")));
    } else if (f.role == Role.ATTACHMENT) {
      endAttachment();
    }
  }

  private void endAttachment() throws ItemReadException {
    int ordinal = attachments.size() + 1;
    String id = fields.get("ContentId");
    String label = "Attachment " + ordinal + (id == null ? "" : " (ContentId " + id + ")");
    if (content == null) {
      throw new ItemReadException(
          ItemErrorCode.ATTACHMENT_INVALID, label + " has no ContentTransferEncoded");
    }
    if (contentSize == 0) {
      throw new ItemReadException(ItemErrorCode.ATTACHMENT_INVALID, label + " is empty");
    }
    attachments.add(
        new ParsedMessage.Attachment(
            ordinal,
            id,
            fields.get("AttachmentName"),
            fields.get("ContentType"),
            content,
            contentSize));
  }

  /** Streams the base64 text of the current attachment into a spool file, up to its end tag. */
  private void decode(XMLStreamReader r, String local) throws XMLStreamException, IOException {
    String label = "Attachment " + (attachments.size() + 1) + "/" + local;
    if (content != null) {
      throw new ItemReadException(
          ItemErrorCode.ATTACHMENT_INVALID, label + " appears twice in one attachment");
    }
    Path file = spool.newFile(".bin");
    spooled.add(file);
    content = file;
    try (BoundedFileOutput out = new BoundedFileOutput(file, limits.maxEntryBytes(), label)) {
      Base64Sink sink = new Base64Sink(out);
      while (true) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          break;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          throw new ItemReadException(
              ItemErrorCode.ATTACHMENT_INVALID,
              label + " holds an element (" + r.getLocalName() + ") instead of base64 text");
        }
        if (event == XMLStreamConstants.CHARACTERS
            || event == XMLStreamConstants.CDATA
            || event == XMLStreamConstants.SPACE) {
          sink.write(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        }
      }
      contentSize = sink.finish();
    } catch (Base64Sink.Malformed e) {
      throw new ItemReadException(
          ItemErrorCode.ATTACHMENT_INVALID, label + " is not valid base64: " + e.getMessage());
    }
  }

  /** Skips the current element and everything in it. */
  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static ItemReadException invalid(String message) {
    return new ItemReadException(ItemErrorCode.EDXML_INVALID, message);
  }

  /** The item error (or transport failure) behind a StAX failure. */
  private static IOException translate(Exception e, MarkupGuard guard) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof ChannelReadException c) {
        return c;
      }
      if (t instanceof ItemReadException i) {
        return i;
      }
    }
    if (e instanceof SafeXml.Unreadable u) {
      return invalid(u.getMessage());
    }
    if (guard.violation() != null) {
      return new ItemReadException(
          ItemErrorCode.XML_HOSTILE, "refused: " + guard.violation().getMessage());
    }
    String where =
        e instanceof XMLStreamException x && x.getLocation() != null
            ? " at line "
                + x.getLocation().getLineNumber()
                + ", column "
                + x.getLocation().getColumnNumber()
            : "";
    String message = e.getMessage() == null ? "" : e.getMessage();
    int cut = message.indexOf("Message: ");
    message = cut >= 0 ? message.substring(cut + 9) : message;
    return invalid("the message is not well-formed XML" + where + ": " + message.strip());
  }

  private static Throwable next(Throwable t) {
    if (t instanceof XMLStreamException x && x.getNestedException() != null) {
      return x.getNestedException() == t ? null : x.getNestedException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
