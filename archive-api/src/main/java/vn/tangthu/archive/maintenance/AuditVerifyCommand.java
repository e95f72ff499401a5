package vn.tangthu.archive.maintenance;

import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import vn.tangthu.archive.audit.AuditAnchor;
import vn.tangthu.archive.audit.AuditLog;
import vn.tangthu.archive.audit.AuditVerification;
import vn.tangthu.archive.config.ArchiveConfiguration;

/**
 * {@code audit-verify [config.yml]}: checks the audit trail offline, as {@code GET /audit/verify}
 * does, and prints the result as JSON. Exit status 0 when valid, 1 when broken or when it cannot
 * check. Without a file it uses the embedded default; with an embedded database or storage it needs
 * the data directory to itself and refuses to run while a server holds it. It writes nothing.
 */
public final class AuditVerifyCommand extends OfflineCommand {

  public AuditVerifyCommand() {
    super(
        "audit-verify",
        "Verifies the audit trail's hash chain and anchored head (exit status 1 when broken)");
  }

  @Override
  protected void run(
      Bootstrap<ArchiveConfiguration> bootstrap, Namespace namespace, ArchiveConfiguration config)
      throws Exception {
    AuditVerification v = verify(config);
    System.out.println(bootstrap.getObjectMapper().writeValueAsString(v));
    if (!v.valid()) {
      throw new IllegalStateException(
          "The audit trail is broken"
              + (v.firstBrokenId() == null ? "" : " at entry " + v.firstBrokenId())
              + ": "
              + v.problem());
    }
  }

  /** Opens the configured database and storage, verifies, and closes them again. */
  static AuditVerification verify(ArchiveConfiguration config) throws Exception {
    try (OfflineArchive archive = new OfflineArchive(config)) {
      AuditLog log =
          new AuditLog(
              archive.jdbi(),
              new AuditAnchor(
                  archive.store(), config.getStorage().derivedBucket(), AuditAnchor.DEFAULT_KEY),
              Clock.systemUTC());
      return log.verify();
    }
  }
}
