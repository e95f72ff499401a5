package vn.tangthu.retention.transfer;

/**
 * Who makes the packages, named in METS agents and PREMIS agents.
 *
 * @param archiveName the archive (lưu trữ cơ quan) handing the dossiers over
 * @param softwareName the software writing the packages
 * @param softwareVersion its version
 * @param transferredBy the person who asked for the transfer (username)
 */
public record TransferContext(
    String archiveName, String softwareName, String softwareVersion, String transferredBy) {
  public TransferContext {
    Checks.text(archiveName, "archiveName");
    Checks.text(softwareName, "softwareName");
    Checks.text(softwareVersion, "softwareVersion");
    Checks.text(transferredBy, "transferredBy");
  }
}
