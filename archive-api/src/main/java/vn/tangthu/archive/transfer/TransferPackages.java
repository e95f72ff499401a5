package vn.tangthu.archive.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.evidence.EvidenceDao;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.retention.transfer.ExtraFile;
import vn.tangthu.retention.transfer.TransferContext;
import vn.tangthu.retention.transfer.TransferDossier;
import vn.tangthu.retention.transfer.TransferException;
import vn.tangthu.retention.transfer.TransferPackageWriter;
import vn.tangthu.retention.transfer.TransferRecord;

/**
 * Builds the transfer packages of a set of main records: grouped by dossier (a record without one
 * is a dossier of its own), each record with its attachments, its signature report and its evidence
 * record. Package ids are name-based on the sweep and the dossier, so downloading again gives the
 * same packages. Thread-safe.
 */
public final class TransferPackages {

  private static final Logger LOG = LoggerFactory.getLogger(TransferPackages.class);
  private static final String DEFAULT_BASIS = "Thông tư 10/2022/TT-BNV";

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String originals;
  private final AgencyDirectory agencies;
  private final ObjectMapper json;
  private final Clock clock;
  private final String archiveName;
  private final String version;

  public TransferPackages(
      Jdbi jdbi,
      ObjectStore store,
      String originals,
      AgencyDirectory agencies,
      ObjectMapper json,
      Clock clock,
      String archiveName,
      String version) {
    this.jdbi = jdbi;
    this.store = store;
    this.originals = originals;
    this.agencies = agencies;
    this.json = json;
    this.clock = clock;
    this.archiveName = archiveName;
    this.version = version;
  }

  /**
   * The tar of packages for {@code mainRecordIds}, written when the response is streamed; an
   * original that does not match its SHA-256 aborts the stream (the client sees a broken tar).
   */
  public StreamingOutput tar(Caller caller, UUID sweepId, List<UUID> mainRecordIds) {
    List<TransferDossier> dossiers = dossiers(sweepId, mainRecordIds);
    TransferPackageWriter writer =
        new TransferPackageWriter(
            clock, new TransferContext(archiveName, "Tàng Thư", version, caller.username()));
    return out -> {
      try {
        writer.writeTar(dossiers, out);
        out.flush();
      } catch (TransferException e) {
        LOG.error("Transfer package of sweep {} aborted: {}", sweepId, e.getMessage());
        throw new java.io.IOException("transfer package aborted: " + e.getMessage(), e);
      }
    };
  }

  /** One dossier per file code (or per record without one), records in id order. */
  List<TransferDossier> dossiers(UUID sweepId, List<UUID> mainRecordIds) {
    Map<String, List<RecordRow>> groups = new LinkedHashMap<>();
    for (UUID id : mainRecordIds) {
      List<UUID> ids = new ArrayList<>();
      ids.add(id);
      ids.addAll(jdbi.withExtension(RecordDao.class, d -> d.attachmentIds(id)));
      List<RecordRow> rows = jdbi.withExtension(RecordDao.class, d -> d.findAll(ids));
      RecordRow main = rows.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
      String key = main.fileCode() != null ? main.fileCode() : "record-" + main.id();
      List<RecordRow> group = groups.computeIfAbsent(key, k -> new ArrayList<>());
      group.add(main);
      rows.stream().filter(r -> !r.id().equals(id)).forEach(group::add);
    }
    List<TransferDossier> out = new ArrayList<>();
    groups.forEach((key, rows) -> out.add(dossier(sweepId, key, rows)));
    return out;
  }

  private TransferDossier dossier(UUID sweepId, String key, List<RecordRow> rows) {
    RecordRow first = rows.get(0);
    Optional<TransferDao.DossierRow> d =
        first.fileCode() == null
            ? Optional.empty()
            : jdbi.withExtension(TransferDao.class, dao -> dao.dossier(first.fileCode()));
    TransferDao.Retention retention =
        jdbi.withExtension(TransferDao.class, dao -> dao.retention(first.id()))
            .orElse(new TransferDao.Retention(null, null));
    String series =
        firstNonNull(
            retention.retentionSeries(),
            d.map(TransferDao.DossierRow::seriesCode).orElse(null),
            first.seriesCode(),
            "UNSPECIFIED");
    String period = firstNonNull(retention.retentionPeriod(), "PERMANENT");
    String basis =
        jdbi.withExtension(TransferDao.class, dao -> dao.legalBasis(series)).orElse(DEFAULT_BASIS);
    String agencyCode = d.map(TransferDao.DossierRow::agencyCode).orElse(first.agencyCode());
    String agencyName = agencies.tree().find(agencyCode).map(a -> a.name()).orElse(agencyCode);
    UUID packageId = UUID.nameUUIDFromBytes((sweepId + "/" + key).getBytes(StandardCharsets.UTF_8));
    return new TransferDossier(
        packageId,
        key,
        d.map(TransferDao.DossierRow::title).orElse(first.subject()),
        agencyCode,
        agencyName,
        series,
        period,
        basis,
        d.map(TransferDao.DossierRow::startDate).or(() -> Optional.ofNullable(first.issuedDate())),
        d.map(TransferDao.DossierRow::endDate).or(() -> Optional.ofNullable(first.workEndDate())),
        first.language() == null ? "vi" : first.language(),
        first.accessLevel(),
        Optional.ofNullable(first.description()),
        rows.stream().map(this::record).toList());
  }

  private TransferRecord record(RecordRow r) {
    List<ExtraFile> extras = new ArrayList<>();
    if (r.signature() != null) {
      extras.add(
          new ExtraFile(
              ExtraFile.Kind.SIGNATURE_REPORT,
              r.id() + "-signature.json",
              "application/json",
              r.signature().getBytes(StandardCharsets.UTF_8)));
    }
    jdbi.withExtension(EvidenceDao.class, d -> d.evidence(r.id()))
        .ifPresent(
            der ->
                extras.add(
                    new ExtraFile(
                        ExtraFile.Kind.EVIDENCE_RECORD,
                        r.id() + ".ers",
                        "application/vnd.tangthu.ers+der",
                        der)));
    String numberNotation =
        r.number() == null
            ? r.notation()
            : r.notation() == null ? r.number() : r.number() + "/" + r.notation();
    return new TransferRecord(
        r.id().toString(),
        Optional.ofNullable(r.mainRecordId()).map(UUID::toString),
        r.fileName() == null || r.fileName().isBlank() ? r.id().toString() : r.fileName(),
        r.contentType(),
        r.size(),
        r.sha256(),
        r.createdAt(),
        r.subject(),
        Optional.ofNullable(r.typeName()),
        Optional.ofNullable(numberNotation),
        Optional.ofNullable(r.issuedDate()),
        Optional.ofNullable(r.issuer()),
        Optional.ofNullable(r.pageCount()),
        signatureStatus(r.signature()),
        () -> store.get(originals, r.objectKey()),
        extras);
  }

  private String signatureStatus(String signature) {
    if (signature == null) {
      return "NOT_SIGNED";
    }
    try {
      JsonNode n = json.readTree(signature).get("status");
      String s = n == null ? null : n.asText();
      return TransferRecord.SIGNATURE_STATUSES.contains(s) ? s : "NOT_SIGNED";
    } catch (java.io.IOException e) {
      return "NOT_SIGNED";
    }
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
