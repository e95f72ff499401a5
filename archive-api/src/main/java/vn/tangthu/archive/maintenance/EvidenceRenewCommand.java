package vn.tangthu.archive.maintenance;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.util.UUID;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.evidence.EvidenceOutcome;
import vn.tangthu.archive.evidence.EvidenceRenewal;
import vn.tangthu.archive.evidence.RecordDigests;
import vn.tangthu.archive.seal.KeyRole;

/**
 * {@code evidence-renew [--record ID] [--digest SHA-512] [--all] [--rotate-tsa] [config.yml]}: RFC
 * 4998 renewal of stored evidence records. Without options it does what the daily run does: rotates
 * the timestamp-authority key when its certificate expires within 90 days, then renews the
 * timestamps whose certificate expires within 90 days. {@code --all} renews every timestamp; {@code
 * --digest} renews the hash trees with a new algorithm (re-reading every record's bytes); {@code
 * --rotate-tsa} rotates the TSA key first. The replaced evidence is kept in the history. Prints one
 * line per record; exit status 1 when any failed. Offline.
 */
public final class EvidenceRenewCommand extends OfflineCommand {

  public EvidenceRenewCommand() {
    super("evidence-renew", "Renews evidence records: timestamps, or hash trees with --digest");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--record").dest("record").help("the record's id (default: all)");
    subparser
        .addArgument("--digest")
        .dest("digest")
        .help("hash-tree renewal with this algorithm (SHA-384, SHA-512, SHA3-256, SHA3-512)");
    subparser
        .addArgument("--all")
        .dest("all")
        .action(Arguments.storeTrue())
        .help("renew every timestamp, not only those about to expire");
    subparser
        .addArgument("--rotate-tsa")
        .dest("rotate")
        .action(Arguments.storeTrue())
        .help("rotate the timestamp authority's key first");
  }

  @Override
  protected void run(
      Bootstrap<ArchiveConfiguration> bootstrap, Namespace namespace, ArchiveConfiguration config)
      throws Exception {
    EvidenceRenewal.Mode mode;
    if (namespace.getString("digest") != null) {
      mode = new EvidenceRenewal.Rehash(RecordDigests.algorithm(namespace.getString("digest")));
    } else if (Boolean.TRUE.equals(namespace.getBoolean("all"))) {
      mode = new EvidenceRenewal.Always();
    } else {
      mode = new EvidenceRenewal.Due(EvidenceRenewal.DEFAULT_MARGIN);
    }
    long failed =
        renew(
            config,
            namespace.getString("record"),
            mode,
            Boolean.TRUE.equals(namespace.getBoolean("rotate")),
            System.out);
    if (failed > 0) {
      throw new IllegalStateException(failed + " record(s) FAILED renewal");
    }
  }

  static long renew(
      ArchiveConfiguration config,
      String record,
      EvidenceRenewal.Mode mode,
      boolean rotate,
      PrintStream out)
      throws Exception {
    try (OfflineArchive archive = new OfflineArchive(config)) {
      OfflineEvidence evidence = new OfflineEvidence(archive, config, Clock.systemUTC());
      if (rotate) {
        var id = evidence.keys.rotate(KeyRole.TIMESTAMP_AUTHORITY);
        out.println("Timestamp authority key rotated: " + id.keyId());
      } else if (evidence.renewal.rotateIfExpiring(EvidenceRenewal.DEFAULT_MARGIN)) {
        out.println("Timestamp authority key rotated (the old certificate expires soon)");
      }
      if (record != null) {
        EvidenceOutcome o = evidence.renewal.renew(UUID.fromString(record), mode);
        out.println(o.line());
        return o.state() == EvidenceOutcome.State.FAILED ? 1 : 0;
      }
      long[] renewed = {0};
      long failed =
          evidence.renewal.renewAll(
              mode,
              o -> {
                renewed[0] += o.state() == EvidenceOutcome.State.OK ? 1 : 0;
                out.println(o.line());
              });
      out.printf("%d record(s) renewed, %d FAILED%n", renewed[0], failed);
      return failed;
    }
  }
}
