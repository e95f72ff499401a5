package vn.tangthu.intake.internal.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import vn.tangthu.intake.ContentOpener;
import vn.tangthu.intake.EdxmlMessage;
import vn.tangthu.intake.EdxmlSigner;
import vn.tangthu.intake.FailedItem;
import vn.tangthu.intake.ImportDefaults;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemFile;
import vn.tangthu.intake.ItemMetadata;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.ItemSource;
import vn.tangthu.intake.ReadyItem;
import vn.tangthu.intake.SourceKind;
import vn.tangthu.intake.internal.Dates;
import vn.tangthu.intake.internal.io.SpoolDir;

/**
 * Makes an item of one edXML message: parses it ({@link EdxmlParser}), maps its header to the
 * metadata of {@code POST /records} as the contract says, orders its attachments (manifest order,
 * matched by {@code ContentId}; unreferenced ones after, in message order), unwraps zipped ones.
 * The first attachment is the record, the others its attachments. Thread-safe.
 */
public final class EdxmlItems {

  private final IntakeLimits limits;
  private final ImportDefaults defaults;
  private final SpoolDir spool;

  public EdxmlItems(IntakeLimits limits, ImportDefaults defaults, SpoolDir spool) {
    this.limits = limits;
    this.defaults = defaults;
    this.spool = spool;
  }

  /**
   * The item made of the message that {@code message} opens ({@code size} bytes).
   *
   * @throws IOException only when the package's channel fails; every fault of the message is a
   *     {@link FailedItem}
   */
  public IntakeItem read(int index, String path, ContentOpener message, long size)
      throws IOException {
    long max = maxMessageBytes(limits);
    if (size > max) {
      return new FailedItem(
          index,
          path,
          ItemErrorCode.ENTRY_TOO_LARGE,
          path + ": a message of " + size + " bytes, over the limit of " + max);
    }
    List<Path> spooled = new ArrayList<>();
    try {
      ParsedMessage parsed;
      try (InputStream in = message.open()) {
        parsed = new EdxmlParser(limits, spool).parse(in);
      }
      parsed.attachments().forEach(a -> spooled.add(a.file()));
      ItemMetadata metadata = metadata(parsed.header());
      List<ItemFile> files = files(ordered(parsed), spooled);
      EdxmlMessage edxml = message(parsed, message, size);
      return new ReadyItem(
          index,
          path,
          metadata,
          files.get(0),
          null,
          files.subList(1, files.size()),
          edxml,
          () -> spooled.forEach(SpoolDir::delete));
    } catch (ItemReadException e) {
      spooled.forEach(SpoolDir::delete);
      return new FailedItem(index, path, e.error());
    } catch (IOException | RuntimeException e) {
      spooled.forEach(SpoolDir::delete);
      throw e;
    }
  }

  /** A message carries its attachments in base64, a third larger than they are: twice the limit. */
  static long maxMessageBytes(IntakeLimits limits) {
    return limits.maxEntryBytes() > Long.MAX_VALUE / 2
        ? Long.MAX_VALUE
        : 2 * limits.maxEntryBytes();
  }

  private ItemMetadata metadata(Map<String, String> h) throws ItemReadException {
    String organId = required(h, "From/OrganId", "the sender cannot be identified");
    String subject = required(h, "Subject", "the record needs a subject (trích yếu)");
    String dateText = h.get("PromulgationInfo/PromulgationDate");
    LocalDate issued = null;
    if (dateText != null) {
      issued =
          Dates.parse(dateText)
              .orElseThrow(
                  () ->
                      invalid(
                          "MessageHeader/PromulgationInfo/PromulgationDate '"
                              + dateText
                              + "' is not a date ("
                              + Dates.FORMS
                              + ")"));
    }
    String typeName = h.getOrDefault("DocumentType/TypeName", h.get("DocumentType"));
    String documentId = h.get("DocumentId");
    return new ItemMetadata(
        null,
        subject,
        typeName,
        h.get("Code/CodeNumber"),
        h.get("Code/CodeNotation"),
        issued,
        h.get("From/OrganName"),
        defaults.fileCode(),
        documentId,
        "vi",
        defaults.accessLevel(),
        "ORIGINAL_ELECTRONIC",
        null,
        description(signer(h), h.get("PromulgationInfo/Place")),
        defaults.seriesCode(),
        null,
        new ItemSource(SourceKind.EDXML, documentId, organId));
  }

  /**
   * The record's description: {@code Người ký: …} from {@code SignerInfo} and {@code Nơi ban hành:
   * …} from {@code PromulgationInfo/Place}, one per line; {@code null} when neither is given.
   */
  static String description(EdxmlSigner signer, String place) {
    StringJoiner lines = new StringJoiner("\n");
    if (signer != null) {
      lines.add("Người ký: " + signer.display());
    }
    if (place != null) {
      lines.add("Nơi ban hành: " + place);
    }
    return lines.length() == 0 ? null : lines.toString();
  }

  private static EdxmlSigner signer(Map<String, String> h) {
    EdxmlSigner s =
        new EdxmlSigner(
            h.get("SignerInfo/Competence"),
            h.get("SignerInfo/Position"),
            h.getOrDefault("SignerInfo/FullName", h.get("SignerInfo/Signer")));
    return s.isEmpty() ? null : s;
  }

  private static EdxmlMessage message(ParsedMessage p, ContentOpener opener, long size) {
    Map<String, String> h = p.header();
    return new EdxmlMessage(
        p.form(),
        h.get("DocumentId"),
        h.get("From/OrganId"),
        h.get("From/OrganName"),
        h.get("PromulgationInfo/Place"),
        signer(h),
        p.signed(),
        size,
        opener);
  }

  /** An attachment with the name and type it will be stored under. */
  private record Placed(ParsedMessage.Attachment attachment, String name, String type) {}

  private static List<Placed> ordered(ParsedMessage p) throws ItemReadException {
    Map<String, ParsedMessage.Attachment> byId = new HashMap<>();
    for (ParsedMessage.Attachment a : p.attachments()) {
      if (a.contentId() != null && byId.put(a.contentId(), a) != null) {
        throw attachmentInvalid("two attachments have ContentId " + a.contentId());
      }
    }
    List<Placed> placed = new ArrayList<>();
    Set<ParsedMessage.Attachment> used = new HashSet<>();
    for (ParsedMessage.Reference r : p.references()) {
      if (r.contentId() == null) {
        throw attachmentInvalid("manifest Reference " + r.ordinal() + " has no ContentId");
      }
      ParsedMessage.Attachment a = byId.get(r.contentId());
      if (a == null) {
        throw attachmentInvalid(
            "manifest Reference "
                + r.ordinal()
                + " names ContentId "
                + r.contentId()
                + ", which no Attachment has");
      }
      if (!used.add(a)) {
        throw attachmentInvalid("two manifest References name ContentId " + r.contentId());
      }
      placed.add(place(a, r.name(), r.contentType()));
    }
    for (ParsedMessage.Attachment a : p.attachments()) {
      if (!used.contains(a)) {
        placed.add(place(a, null, null));
      }
    }
    if (placed.isEmpty()) {
      throw new ItemReadException(
          ItemErrorCode.MISSING_FILE, "the message carries no attachment (AttachmentEncoded)");
    }
    return placed;
  }

  private static Placed place(ParsedMessage.Attachment a, String refName, String refType) {
    String name = a.name() != null ? a.name() : refName;
    String type = a.contentType() != null ? a.contentType() : refType;
    return new Placed(a, fileName(name, a), type);
  }

  /** The base name of {@code name} without control characters, else a made-up one. */
  static String fileName(String name, ParsedMessage.Attachment a) {
    String base =
        name == null
            ? ""
            : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    base =
        base.codePoints()
            .filter(c -> c >= 0x20 && c != 0x7f)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (base.isEmpty() || base.equals(".") || base.equals("..")) {
      return "attachment-" + a.ordinal() + ".bin";
    }
    return base;
  }

  private List<ItemFile> files(List<Placed> placed, List<Path> spooled) throws IOException {
    List<ItemFile> files = new ArrayList<>();
    for (Placed p : placed) {
      ParsedMessage.Attachment a = p.attachment();
      AttachmentFiles.Unwrapped u =
          AttachmentFiles.unwrap(a.file(), a.size(), p.name(), p.type(), limits, spool);
      if (!u.file().equals(a.file())) {
        spooled.add(u.file());
      }
      Path file = u.file();
      String type = u.file().equals(a.file()) ? p.type() : null;
      files.add(new ItemFile(u.name(), u.size(), type, null, () -> Files.newInputStream(file)));
    }
    return files;
  }

  private static String required(Map<String, String> h, String path, String why)
      throws ItemReadException {
    String v = h.get(path);
    if (v == null) {
      throw invalid("MessageHeader/" + path + " is missing or empty: " + why);
    }
    return v;
  }

  private static ItemReadException invalid(String message) {
    return new ItemReadException(ItemErrorCode.EDXML_INVALID, message);
  }

  private static ItemReadException attachmentInvalid(String message) {
    return new ItemReadException(ItemErrorCode.ATTACHMENT_INVALID, message);
  }
}
