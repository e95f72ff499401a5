package vn.tangthu.retention.transfer.internal;

import java.time.Instant;
import java.util.List;
import vn.tangthu.retention.transfer.TransferContext;
import vn.tangthu.retention.transfer.TransferDossier;

/** The root {@code METS.xml} and the representation's {@code METS.xml} of an AIP. */
public final class MetsDocument {
  public static final String METS = "http://www.loc.gov/METS/";
  public static final String XLINK = "http://www.w3.org/1999/xlink";
  public static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
  public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  public static final String PROFILE = "https://earkaip.dilcis.eu/profile/E-ARK-AIP.xml";
  public static final String PACKAGE_TYPE = "AIP";

  /**
   * Circular 05/2025 asks for TYPE=AIP; CSIP2 restricts TYPE to its vocabulary, so: OTHER +
   * OTHERTYPE.
   */
  public static final String CONTENT_TYPE = "Other";

  private MetsDocument() {}

  /** A file listed in a fileSec, with what the METS needs to say about it. */
  public record Listed(
      String id, String href, String mimeType, long size, String sha256, Instant created) {}

  /** A metadata file referenced by an mdRef. */
  public record MdRef(
      String id,
      String secId,
      String href,
      String mdType,
      String otherMdType,
      String mimeType,
      long size,
      String sha256) {}

  public static byte[] representation(
      AipLayout layout, TransferContext ctx, Instant created, List<Listed> data) {
    TransferDossier d = layout.dossier();
    Xml x = new Xml();
    root(x, AipLayout.REP, d.title(), "../../schemas/");
    header(x, ctx, d, created);
    x.start("mets", METS, "fileSec").attr("ID", layout.id("fs", AipLayout.REP));
    String dataGroup = layout.id("fg", AipLayout.REP + "/data");
    x.start("mets", METS, "fileGrp").attr("ID", dataGroup).attr("USE", "Data");
    for (Listed f : data) {
      file(x, f, created);
    }
    x.end().end();
    x.start("mets", METS, "structMap")
        .attr("ID", layout.id("sm", AipLayout.REP))
        .attr("TYPE", "PHYSICAL")
        .attr("LABEL", "CSIP");
    x.start("mets", METS, "div")
        .attr("ID", layout.id("div", AipLayout.REP))
        .attr("LABEL", d.objId() + "/" + AipLayout.REP);
    x.start("mets", METS, "div")
        .attr("ID", layout.id("div", AipLayout.REP + "/data"))
        .attr("LABEL", "Data");
    x.start("mets", METS, "fptr").attr("FILEID", dataGroup).end();
    x.end().end().end();
    x.end(); // mets
    return x.finish();
  }

  public static byte[] root(
      AipLayout layout,
      TransferContext ctx,
      Instant created,
      MdRef ead,
      List<MdRef> preservation,
      List<Listed> schemas,
      Listed repMets) {
    TransferDossier d = layout.dossier();
    Xml x = new Xml();
    root(x, d.objId(), d.title(), "schemas/");
    header(x, ctx, d, created);
    x.start("mets", METS, "dmdSec")
        .attr("ID", ead.secId())
        .attr("CREATED", Times.vietnam(created))
        .attr("STATUS", "CURRENT");
    mdRef(x, ead, created);
    x.end();
    String amdId = layout.id("amd", "root");
    x.start("mets", METS, "amdSec").attr("ID", amdId);
    for (MdRef p : preservation) {
      x.start("mets", METS, "digiprovMD")
          .attr("ID", p.secId())
          .attr("CREATED", Times.vietnam(created))
          .attr("STATUS", "CURRENT");
      mdRef(x, p, created);
      x.end();
    }
    x.end();

    x.start("mets", METS, "fileSec").attr("ID", layout.id("fs", "root"));
    String schemaGroup = layout.id("fg", "schemas");
    x.start("mets", METS, "fileGrp").attr("ID", schemaGroup).attr("USE", "Schemas");
    for (Listed s : schemas) {
      file(x, s, created);
    }
    x.end();
    String repGroup = layout.id("fg", AipLayout.REP);
    x.start("mets", METS, "fileGrp")
        .attr("ID", repGroup)
        .attr("USE", "Representations/" + AipLayout.REP);
    file(x, repMets, created);
    x.end();
    x.end(); // fileSec

    x.start("mets", METS, "structMap")
        .attr("ID", layout.id("sm", "root"))
        .attr("TYPE", "PHYSICAL")
        .attr("LABEL", "CSIP");
    x.start("mets", METS, "div").attr("ID", layout.id("div", "root")).attr("LABEL", d.objId());
    String dmdIds = ead.secId();
    String admIds = String.join(" ", preservation.stream().map(MdRef::secId).toList());
    x.start("mets", METS, "div")
        .attr("ID", layout.id("div", "metadata"))
        .attr("LABEL", "Metadata")
        .attr("DMDID", dmdIds)
        .attr("ADMID", admIds)
        .end();
    x.start("mets", METS, "div").attr("ID", layout.id("div", "schemas")).attr("LABEL", "Schemas");
    x.start("mets", METS, "fptr").attr("FILEID", schemaGroup).end();
    x.end();
    x.start("mets", METS, "div")
        .attr("ID", layout.id("div", AipLayout.REP))
        .attr("LABEL", "Representations/" + AipLayout.REP);
    x.start("mets", METS, "mptr")
        .attr("LOCTYPE", "URL")
        .attr("xlink", XLINK, "type", "simple")
        .attr("xlink", XLINK, "href", repMets.href())
        .attr("xlink", XLINK, "title", repGroup)
        .end();
    x.end();
    x.end().end(); // div, structMap
    x.end(); // mets
    return x.finish();
  }

  private static void root(Xml x, String objId, String label, String schemaDir) {
    x.start("mets", METS, "mets")
        .ns("mets", METS)
        .ns("xlink", XLINK)
        .ns("csip", CSIP)
        .ns("xsi", XSI)
        .attr("OBJID", objId)
        .attr("LABEL", label)
        .attr("TYPE", CONTENT_TYPE)
        .attr("csip", CSIP, "OTHERTYPE", PACKAGE_TYPE)
        .attr("csip", CSIP, "CONTENTINFORMATIONTYPE", "MIXED")
        .attr("PROFILE", PROFILE)
        .attr(
            "xsi",
            XSI,
            "schemaLocation",
            METS
                + " "
                + schemaDir
                + "mets1_12.xsd "
                + XLINK
                + " "
                + schemaDir
                + "xlink.xsd "
                + CSIP
                + " "
                + schemaDir
                + "DILCISExtensionMETS.xsd");
  }

  private static void header(Xml x, TransferContext ctx, TransferDossier d, Instant created) {
    x.start("mets", METS, "metsHdr")
        .attr("CREATEDATE", Times.vietnam(created))
        .attr("RECORDSTATUS", "NEW")
        .attr("csip", CSIP, "OAISPACKAGETYPE", PACKAGE_TYPE);
    x.start("mets", METS, "agent")
        .attr("ROLE", "CREATOR")
        .attr("TYPE", "OTHER")
        .attr("OTHERTYPE", "SOFTWARE");
    x.leaf("mets", METS, "name", ctx.softwareName());
    x.start("mets", METS, "note")
        .attr("csip", CSIP, "NOTETYPE", "SOFTWARE VERSION")
        .text(ctx.softwareVersion())
        .end();
    x.end();
    x.start("mets", METS, "agent").attr("ROLE", "ARCHIVIST").attr("TYPE", "ORGANIZATION");
    x.leaf("mets", METS, "name", ctx.archiveName());
    x.end();
    x.start("mets", METS, "agent").attr("ROLE", "CREATOR").attr("TYPE", "ORGANIZATION");
    x.leaf("mets", METS, "name", d.agencyName());
    x.start("mets", METS, "note")
        .attr("csip", CSIP, "NOTETYPE", "IDENTIFICATIONCODE")
        .text(d.agencyCode())
        .end();
    x.end();
    x.end();
  }

  private static void mdRef(Xml x, MdRef m, Instant created) {
    x.start("mets", METS, "mdRef")
        .attr("ID", m.id())
        .attr("LOCTYPE", "URL")
        .attr("xlink", XLINK, "type", "simple")
        .attr("xlink", XLINK, "href", m.href())
        .attr("MDTYPE", m.mdType());
    if (m.otherMdType() != null) {
      x.attr("OTHERMDTYPE", m.otherMdType());
    }
    x.attr("MIMETYPE", m.mimeType())
        .attr("SIZE", Long.toString(m.size()))
        .attr("CREATED", Times.vietnam(created))
        .attr("CHECKSUM", m.sha256())
        .attr("CHECKSUMTYPE", "SHA-256")
        .end();
  }

  private static void file(Xml x, Listed f, Instant created) {
    x.start("mets", METS, "file")
        .attr("ID", f.id())
        .attr("MIMETYPE", f.mimeType())
        .attr("SIZE", Long.toString(f.size()))
        .attr("CREATED", Times.vietnam(f.created()))
        .attr("CHECKSUM", f.sha256())
        .attr("CHECKSUMTYPE", "SHA-256");
    x.start("mets", METS, "FLocat")
        .attr("LOCTYPE", "URL")
        .attr("xlink", XLINK, "type", "simple")
        .attr("xlink", XLINK, "href", f.href())
        .end();
    x.end();
  }
}
