package vn.tangthu.retention.transfer;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.tangthu.retention.schedule.RetentionPeriod;

/**
 * A dossier (hồ sơ) to transfer: one AIP. The package's OBJID is {@code urn:uuid:<packageId>}.
 *
 * @param packageId the AIP's UUID (stable per dossier and transfer, chosen by the caller)
 * @param fileCode mã hồ sơ
 * @param title tiêu đề hồ sơ
 * @param agencyCode the owning agency's code
 * @param agencyName the owning agency's name (đơn vị hình thành phông)
 * @param seriesCode the retention series
 * @param retentionPeriod {@code "10y"} or {@code "PERMANENT"}
 * @param legalBasis the schedule's legal basis
 * @param startDate first date of the dossier, if known
 * @param endDate last date of the dossier, if known
 * @param language ISO 639-1 code of the content, e.g. {@code vi}
 * @param accessLevel PUBLIC, INTERNAL or RESTRICTED
 * @param description tóm tắt, if any
 * @param records the records, main records and attachments; at least one
 */
public record TransferDossier(
    UUID packageId,
    String fileCode,
    String title,
    String agencyCode,
    String agencyName,
    String seriesCode,
    String retentionPeriod,
    String legalBasis,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    String language,
    String accessLevel,
    Optional<String> description,
    List<TransferRecord> records) {

  public TransferDossier {
    Objects.requireNonNull(packageId, "packageId");
    Checks.text(fileCode, "fileCode");
    Checks.text(title, "title");
    Checks.text(agencyCode, "agencyCode");
    Checks.text(agencyName, "agencyName");
    Checks.text(seriesCode, "seriesCode");
    RetentionPeriod.parse(retentionPeriod);
    Checks.text(legalBasis, "legalBasis");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Checks.text(language, "language");
    Checks.text(accessLevel, "accessLevel");
    Objects.requireNonNull(description, "description");
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("dossier " + fileCode + " has no records to transfer");
    }
    Set<String> ids = new HashSet<>();
    for (TransferRecord r : records) {
      if (!ids.add(r.recordId())) {
        throw new IllegalArgumentException("record " + r.recordId() + " is listed twice");
      }
    }
  }

  /** The root METS OBJID, {@code urn:uuid:<packageId>}. */
  public String objId() {
    return "urn:uuid:" + packageId;
  }

  /** The package folder name: the OBJID with {@code :} replaced by {@code _}. */
  public String folderName() {
    return objId().replace(':', '_');
  }
}
