package vn.tangthu.archive.seal;

import java.util.List;

/**
 * The body of {@code GET /archive/certificates}: every archive and timestamp-authority certificate,
 * old ones kept after rotation, oldest first.
 */
public record ArchiveCertificates(List<ArchiveCertificate> certificates) {
  public ArchiveCertificates {
    certificates = List.copyOf(certificates);
  }
}
