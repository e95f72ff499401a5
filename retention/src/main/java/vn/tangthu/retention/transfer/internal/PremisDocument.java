package vn.tangthu.retention.transfer.internal;

import java.time.Instant;
import java.util.List;
import vn.tangthu.retention.transfer.ExtraFile;
import vn.tangthu.retention.transfer.TransferContext;
import vn.tangthu.retention.transfer.TransferDossier;
import vn.tangthu.retention.transfer.TransferRecord;

/**
 * {@code metadata/preservation/PREMIS.xml} in PREMIS 3: the representation and one file object per
 * original (SHA-256 fixity, size, format, original name), the evidence files, the events (ingestion
 * and digital signature validation per record, one transfer) and the agents, linked.
 */
public final class PremisDocument {
  public static final String NS = "http://www.loc.gov/premis/v3";
  public static final String SCHEMA_LOCATION =
      NS + " http://www.loc.gov/standards/premis/v3/premis.xsd";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String LOCAL = "local";

  private PremisDocument() {}

  public static byte[] write(
      AipLayout layout,
      TransferContext ctx,
      Instant transferredAt,
      List<ExtraChecksum> extraChecksums) {
    Xml x = new Xml();
    x.start("", NS, "premis")
        .ns("", NS)
        .ns("xsi", XSI)
        .attr("xsi", XSI, "schemaLocation", SCHEMA_LOCATION)
        .attr("version", "3.0");
    String repId = layout.id("rep", AipLayout.REP);
    representation(x, layout, repId);
    fileObjects(x, layout, extraChecksums);
    Agents agents =
        new Agents(
            layout.id("agent", "archive"),
            layout.id("agent", "software"),
            layout.id("agent", "person"));
    recordEvents(x, layout, transferredAt, agents.software());
    transferEvent(x, layout, transferredAt, agents, repId);
    agents(x, layout, ctx, agents);
    x.end();
    return x.finish();
  }

  /** The checksum and size of an extra file (computed from its bytes). */
  public record ExtraChecksum(AipLayout.ExtraEntry entry, String sha256, long size) {}

  /** The identifiers of the agents the events link to. */
  private record Agents(String archive, String software, String person) {}

  /** The representation, which includes every data file. */
  private static void representation(Xml x, AipLayout layout, String repId) {
    x.start("", NS, "object")
        .attr("xsi", XSI, "type", "representation")
        .attr("xmlID", "obj-" + repId);
    identifier(x, "object", LOCAL, repId);
    x.start("", NS, "relationship");
    x.leaf("", NS, "relationshipType", "structural");
    x.leaf("", NS, "relationshipSubType", "includes");
    for (AipLayout.DataEntry e : layout.data()) {
      x.start("", NS, "relatedObjectIdentifier");
      x.leaf("", NS, "relatedObjectIdentifierType", LOCAL);
      x.leaf("", NS, "relatedObjectIdentifierValue", e.fileId());
      x.end();
    }
    x.end();
    x.end();
  }

  /** One file object per original, then one per extra (evidence) file. */
  private static void fileObjects(Xml x, AipLayout layout, List<ExtraChecksum> extraChecksums) {
    for (AipLayout.DataEntry e : layout.data()) {
      TransferRecord r = e.record();
      fileObject(
          x,
          e.fileId(),
          "tangthu-record-id",
          r.recordId(),
          r.sha256(),
          r.size(),
          r.mediaType(),
          r.fileName());
    }
    for (ExtraChecksum c : extraChecksums) {
      ExtraFile f = c.entry().file();
      fileObject(x, c.entry().id(), null, null, c.sha256(), c.size(), f.mediaType(), f.fileName());
    }
  }

  /** Ingestion, signature validation and fixity check of each record. */
  private static void recordEvents(
      Xml x, AipLayout layout, Instant transferredAt, String softwareAgent) {
    for (AipLayout.DataEntry e : layout.data()) {
      TransferRecord r = e.record();
      event(
          x,
          layout.id("event-ingestion", r.recordId()),
          "ingestion",
          Times.vietnam(r.createdAt()),
          "success",
          "Lưu trữ vào kho Tàng Thư, SHA-256 " + r.sha256(),
          softwareAgent,
          e.fileId());
      event(
          x,
          layout.id("event-signature", r.recordId()),
          "digital signature validation",
          Times.vietnam(r.createdAt()),
          outcome(r.signatureStatus()),
          "Kết quả kiểm tra chữ ký số: " + r.signatureStatus(),
          softwareAgent,
          e.fileId());
      event(
          x,
          layout.id("event-fixity", r.recordId()),
          "fixity check",
          Times.vietnam(transferredAt),
          "success",
          "SHA-256 tính lại khi đóng gói; gói chỉ được tạo khi khớp " + r.sha256(),
          softwareAgent,
          e.fileId());
    }
  }

  /** The transfer of the dossier, by the archive, authorised by a person, done by the software. */
  private static void transferEvent(
      Xml x, AipLayout layout, Instant transferredAt, Agents agents, String repId) {
    TransferDossier d = layout.dossier();
    x.start("", NS, "event");
    identifier(x, "event", LOCAL, layout.id("event-transfer", d.objId()));
    x.leaf("", NS, "eventType", "transfer");
    x.leaf("", NS, "eventDateTime", Times.vietnam(transferredAt));
    x.start("", NS, "eventDetailInformation")
        .leaf(
            "",
            NS,
            "eventDetail",
            "Nộp lưu hồ sơ " + d.fileCode() + " vào Lưu trữ lịch sử (Thông tư 05/2025/TT-BNV)")
        .end();
    x.start("", NS, "eventOutcomeInformation").leaf("", NS, "eventOutcome", "success").end();
    linkAgent(x, agents.archive(), "executing program");
    linkAgent(x, agents.person(), "authorizer");
    linkAgent(x, agents.software(), "implementer");
    linkObject(x, repId);
    x.end();
  }

  private static void agents(Xml x, AipLayout layout, TransferContext ctx, Agents agents) {
    TransferDossier d = layout.dossier();
    agent(x, agents.archive(), ctx.archiveName(), "organization", null);
    agent(x, agents.software(), ctx.softwareName(), "software", ctx.softwareVersion());
    agent(x, agents.person(), ctx.transferredBy(), "person", null);
    agent(
        x,
        layout.id("agent", "agency"),
        d.agencyName() + " (" + d.agencyCode() + ")",
        "organization",
        null);
  }

  private static String outcome(String signatureStatus) {
    return switch (signatureStatus) {
      case "VALID" -> "success";
      case "INVALID" -> "failure";
      case "NOT_SIGNED" -> "not applicable";
      default -> "indeterminate";
    };
  }

  private static void fileObject(
      Xml x,
      String id,
      String altType,
      String altValue,
      String sha256,
      long size,
      String mediaType,
      String originalName) {
    x.start("", NS, "object")
        .attr("xsi", "http://www.w3.org/2001/XMLSchema-instance", "type", "file")
        .attr("xmlID", "obj-" + id);
    identifier(x, "object", LOCAL, id);
    if (altType != null) {
      identifier(x, "object", altType, altValue);
    }
    x.start("", NS, "objectCharacteristics");
    x.leaf("", NS, "compositionLevel", "0");
    x.start("", NS, "fixity");
    x.leaf("", NS, "messageDigestAlgorithm", "SHA-256");
    x.leaf("", NS, "messageDigest", sha256);
    x.end();
    x.leaf("", NS, "size", Long.toString(size));
    x.start("", NS, "format").start("", NS, "formatDesignation");
    x.leaf("", NS, "formatName", mediaType);
    x.end().end();
    x.end();
    x.leaf("", NS, "originalName", originalName);
    x.end();
  }

  private static void event(
      Xml x,
      String id,
      String type,
      String when,
      String outcome,
      String detail,
      String agent,
      String object) {
    x.start("", NS, "event");
    identifier(x, "event", LOCAL, id);
    x.leaf("", NS, "eventType", type);
    x.leaf("", NS, "eventDateTime", when);
    x.start("", NS, "eventDetailInformation").leaf("", NS, "eventDetail", detail).end();
    x.start("", NS, "eventOutcomeInformation").leaf("", NS, "eventOutcome", outcome).end();
    linkAgent(x, agent, "executing program");
    linkObject(x, object);
    x.end();
  }

  private static void agent(Xml x, String id, String name, String type, String version) {
    x.start("", NS, "agent");
    identifier(x, "agent", LOCAL, id);
    x.leaf("", NS, "agentName", name);
    x.leaf("", NS, "agentType", type);
    if (version != null) {
      x.leaf("", NS, "agentVersion", version);
    }
    x.end();
  }

  private static void identifier(Xml x, String kind, String type, String value) {
    x.start("", NS, kind + "Identifier");
    x.leaf("", NS, kind + "IdentifierType", type);
    x.leaf("", NS, kind + "IdentifierValue", value);
    x.end();
  }

  private static void linkAgent(Xml x, String agent, String role) {
    x.start("", NS, "linkingAgentIdentifier");
    x.leaf("", NS, "linkingAgentIdentifierType", LOCAL);
    x.leaf("", NS, "linkingAgentIdentifierValue", agent);
    x.leaf("", NS, "linkingAgentRole", role);
    x.end();
  }

  private static void linkObject(Xml x, String object) {
    x.start("", NS, "linkingObjectIdentifier");
    x.leaf("", NS, "linkingObjectIdentifierType", LOCAL);
    x.leaf("", NS, "linkingObjectIdentifierValue", object);
    x.end();
  }
}
