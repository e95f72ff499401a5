package vn.tangthu.archive.maintenance;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.evidence.EvidenceOutcome;

/**
 * {@code evidence-verify [--record ID] [config.yml]}: checks one record, or every active record
 * with evidence, against its stored RFC 4998 evidence record, its current bytes in storage (SHA-256
 * recomputed) and the archive's timestamp-authority certificates. Prints {@code <id> OK|FAILED|
 * PENDING <reason>} per record and exits with status 1 when any failed. Offline: refuses while a
 * server holds the data directory. Writes nothing.
 */
public final class EvidenceVerifyCommand extends OfflineCommand {

  public EvidenceVerifyCommand() {
    super(
        "evidence-verify",
        "Verifies records against their evidence records and stored bytes (exit 1 on a failure)");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--record").dest("record").help("the record's id (default: all)");
  }

  @Override
  protected void run(
      Bootstrap<ArchiveConfiguration> bootstrap, Namespace namespace, ArchiveConfiguration config)
      throws Exception {
    long failed = verify(config, namespace.getString("record"), System.out);
    if (failed > 0) {
      throw new IllegalStateException(failed + " record(s) FAILED evidence verification");
    }
  }

  static long verify(ArchiveConfiguration config, String record, PrintStream out) throws Exception {
    try (OfflineArchive archive = new OfflineArchive(config)) {
      OfflineEvidence evidence = new OfflineEvidence(archive, config, Clock.systemUTC());
      if (record != null) {
        EvidenceOutcome o = evidence.verification.check(UUID.fromString(record));
        out.println(o.line());
        return o.state() == EvidenceOutcome.State.FAILED ? 1 : 0;
      }
      long[] total = {0};
      long failed =
          evidence.verification.checkAll(
              o -> {
                total[0]++;
                out.println(o.line());
              });
      out.printf("%d record(s) checked, %d FAILED%n", total[0], failed);
      return failed;
    }
  }
}
