package vn.tangthu.retention.transfer.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import vn.tangthu.retention.transfer.TransferContext;
import vn.tangthu.retention.transfer.TransferDossier;
import vn.tangthu.retention.transfer.TransferRecord;

/** {@code metadata/descriptive/EAD.xml}: the dossier in EAD 2002, one component per record. */
public final class EadDocument {
  public static final String NS = "urn:isbn:1-931666-22-9";
  public static final String SCHEMA_LOCATION = NS + " http://www.loc.gov/ead/ead.xsd";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final Map<String, String> LANGUAGES =
      Map.of("vi", "vie", "en", "eng", "fr", "fre", "zh", "chi", "ru", "rus");

  private EadDocument() {}

  public static byte[] write(AipLayout layout, TransferContext ctx, Instant created) {
    TransferDossier d = layout.dossier();
    Xml x = new Xml();
    x.start("", NS, "ead")
        .ns("", NS)
        .ns("xsi", XSI)
        .attr("xsi", XSI, "schemaLocation", SCHEMA_LOCATION);
    header(x, d, ctx, created);
    x.start("", NS, "archdesc").attr("level", "file");
    x.start("", NS, "did");
    x.leaf("", NS, "unitid", d.fileCode());
    x.leaf("", NS, "unittitle", d.title());
    unitdate(x, d.startDate(), d.endDate());
    x.start("", NS, "origination").attr("label", "Đơn vị hình thành phông");
    x.leaf("", NS, "corpname", d.agencyName() + " (" + d.agencyCode() + ")").end();
    x.start("", NS, "physdesc").leaf("", NS, "extent", d.records().size() + " tài liệu").end();
    language(x, d.language());
    x.start("", NS, "repository").leaf("", NS, "corpname", ctx.archiveName()).end();
    x.end(); // did
    x.start("", NS, "accessrestrict")
        .leaf("", NS, "p", "Mức độ tiếp cận: " + d.accessLevel())
        .end();
    x.start("", NS, "appraisal")
        .leaf(
            "",
            NS,
            "p",
            "Nhóm hồ sơ "
                + d.seriesCode()
                + ", thời hạn bảo quản "
                + d.retentionPeriod()
                + "; căn cứ: "
                + d.legalBasis())
        .end();
    d.description()
        .filter(s -> !s.isBlank())
        .ifPresent(s -> x.start("", NS, "scopecontent").leaf("", NS, "p", s).end());
    x.start("", NS, "dsc");
    for (AipLayout.DataEntry e : layout.data()) {
      component(x, layout, e);
    }
    x.end(); // dsc
    x.end(); // archdesc
    x.end(); // ead
    return x.finish();
  }

  private static void header(Xml x, TransferDossier d, TransferContext ctx, Instant created) {
    x.start("", NS, "eadheader");
    x.leaf("", NS, "eadid", d.objId());
    x.start("", NS, "filedesc").start("", NS, "titlestmt");
    x.leaf("", NS, "titleproper", d.title());
    x.end().end();
    x.start("", NS, "profiledesc");
    x.start("", NS, "creation").text(ctx.softwareName() + " " + ctx.softwareVersion() + ", ");
    x.start("", NS, "date")
        .attr("normal", created.toString().substring(0, 10))
        .text(Times.vietnam(created))
        .end();
    x.end();
    x.start("", NS, "langusage");
    x.start("", NS, "language").attr("langcode", "vie").text("Tiếng Việt").end();
    x.end();
    x.end(); // profiledesc
    x.end(); // eadheader
  }

  private static void component(Xml x, AipLayout layout, AipLayout.DataEntry e) {
    TransferRecord r = e.record();
    x.start("", NS, "c").attr("level", "item").attr("id", layout.id("c", r.recordId()));
    x.start("", NS, "did");
    x.leaf("", NS, "unitid", r.numberNotation().orElse(r.recordId()));
    x.leaf("", NS, "unittitle", r.subject());
    r.issuedDate()
        .ifPresent(
            date ->
                x.start("", NS, "unitdate")
                    .attr("normal", date.toString())
                    .text(date.toString())
                    .end());
    r.issuer()
        .ifPresent(issuer -> x.start("", NS, "origination").leaf("", NS, "corpname", issuer).end());
    x.start("", NS, "physdesc");
    r.typeName().ifPresent(t -> x.leaf("", NS, "genreform", t));
    r.pageCount().ifPresent(p -> x.leaf("", NS, "extent", p + " trang"));
    x.leaf("", NS, "dimensions", r.size() + " bytes");
    x.end();
    x.start("", NS, "note")
        .leaf(
            "",
            NS,
            "p",
            "Mã tài liệu trong kho: "
                + r.recordId()
                + r.mainRecordId().map(m -> "; phụ lục của " + m).orElse("")
                + "; tệp: "
                + e.packagePath()
                + "; chữ ký số: "
                + r.signatureStatus())
        .end();
    x.end(); // did
    x.end(); // c
  }

  private static void unitdate(Xml x, Optional<LocalDate> start, Optional<LocalDate> end) {
    if (start.isEmpty() && end.isEmpty()) {
      return;
    }
    String from = start.or(() -> end).orElseThrow().toString();
    String to = end.or(() -> start).orElseThrow().toString();
    x.start("", NS, "unitdate")
        .attr("normal", from + "/" + to)
        .attr("type", "inclusive")
        .text(from + " – " + to)
        .end();
  }

  private static void language(Xml x, String code) {
    x.start("", NS, "langmaterial");
    String iso639b = LANGUAGES.get(code);
    if (iso639b != null) {
      x.start("", NS, "language").attr("langcode", iso639b).text(code).end();
    } else {
      x.leaf("", NS, "language", code);
    }
    x.end();
  }
}
