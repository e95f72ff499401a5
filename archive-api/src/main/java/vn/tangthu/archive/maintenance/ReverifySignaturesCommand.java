package vn.tangthu.archive.maintenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.tangthu.archive.audit.AuditAnchor;
import vn.tangthu.archive.audit.AuditLog;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.record.SignatureInspection;
import vn.tangthu.archive.signature.history.SignatureReverifier;
import vn.tangthu.signature.SignatureVerification;
import vn.tangthu.signature.SignatureVerifiers;
import vn.tangthu.signature.TrustStore;

/**
 * {@code reverify-signatures [--record ID] [config.yml]}: re-verifies the signatures of one record,
 * or of every active signed record, with the trust anchors and CRLs configured now (e.g. after a
 * new root CA was added). A changed report replaces the stored one and the old report is kept in
 * the record's signature history; every re-verification is audited. Prints {@code <id> CHANGED|
 * UNCHANGED|FAILED <before> -> <after>}; exit status 1 when any failed. Offline.
 */
public final class ReverifySignaturesCommand extends OfflineCommand {

  public ReverifySignaturesCommand() {
    super(
        "reverify-signatures",
        "Re-verifies stored signatures with the current trust anchors, keeping the old reports");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--record").dest("record").help("the record's id (default: all signed)");
  }

  @Override
  protected void run(
      Bootstrap<ArchiveConfiguration> bootstrap, Namespace namespace, ArchiveConfiguration config)
      throws Exception {
    String actor = "cli:" + System.getProperty("user.name", "unknown");
    long failed = reverify(config, namespace.getString("record"), actor, System.out);
    if (failed > 0) {
      throw new IllegalStateException(failed + " record(s) FAILED re-verification");
    }
  }

  static long reverify(ArchiveConfiguration config, String record, String actor, PrintStream out)
      throws Exception {
    Clock clock = Clock.systemUTC();
    ObjectMapper json =
        Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    ExecutorService pool = Executors.newCachedThreadPool();
    var sig = config.getSignatures();
    try (OfflineArchive archive = new OfflineArchive(config);
        SignatureVerification verification =
            SignatureVerifiers.create(
                sig.isolation().value(),
                sig.verifierHeapMb(),
                1,
                trust(archive.dataDir().root(), config, out),
                clock,
                sig.verifyTimeout().toJavaDuration())) {
      AuditLog audit =
          new AuditLog(
              archive.jdbi(),
              new AuditAnchor(
                  archive.store(), archive.storage().derivedBucket(), AuditAnchor.DEFAULT_KEY),
              clock);
      try {
        SignatureReverifier reverifier =
            new SignatureReverifier(
                archive.jdbi(),
                archive.store(),
                archive.storage().originalsBucket(),
                new SignatureInspection(
                    verification, pool, sig.verifyTimeout().toJavaDuration(), json),
                audit,
                json,
                clock,
                archive.dataDir().tmp());
        if (record != null) {
          var o = reverifier.reverify(UUID.fromString(record), actor);
          out.println(o.line());
          return "FAILED".equals(o.state()) ? 1 : 0;
        }
        long[] total = {0};
        long failed =
            reverifier.reverifyAll(
                actor,
                o -> {
                  total[0]++;
                  out.println(o.line());
                });
        out.printf("%d record(s) re-verified, %d FAILED%n", total[0], failed);
        return failed;
      } finally {
        audit.head();
        audit.close();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static TrustStore trust(Path root, ArchiveConfiguration config, PrintStream out)
      throws java.io.IOException {
    var sig = config.getSignatures();
    TrustStore trust = TrustStore.load(root.resolve(sig.trustAnchors()), root.resolve(sig.crls()));
    trust.problems().forEach(p -> out.println("Trust store: " + p));
    return trust;
  }
}
