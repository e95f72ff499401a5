package vn.tangthu.archive;

import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.config.SignatureConfig;
import vn.tangthu.archive.record.SignatureInspection;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.signature.SignatureVerification;
import vn.tangthu.signature.SignatureVerifiers;
import vn.tangthu.signature.TrustStore;

/**
 * Signature checking and the archive's own keys, wired from the {@code signatures:} settings: the
 * trust store (anchors and CRLs), the archive's signing and timestamping keys (made on first
 * start), and the verifier (in this JVM or in a pool of child JVMs) behind the inspection that
 * ingest uses. Everything long-lived is registered with the lifecycle.
 *
 * @param keys the archive's signing and timestamping keys
 * @param inspection what ingest and re-verification call to check a file's signatures
 */
record SignatureWiring(ArchiveKeys keys, SignatureInspection inspection) {

  private static final Logger LOG = LoggerFactory.getLogger(SignatureWiring.class);

  static SignatureWiring create(SignatureConfig sig, Environment env, Path root, Clock clock)
      throws IOException {
    TrustStore trust = TrustStore.load(root.resolve(sig.trustAnchors()), root.resolve(sig.crls()));
    trust.problems().forEach(p -> LOG.warn("Trust store: {}", p));
    ArchiveKeys keys =
        ArchiveKeys.loadOrCreate(root.resolve(sig.keys()), clock, sig.organisation());
    ExecutorService verifiers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "signature-verifier");
              t.setDaemon(true);
              return t;
            });
    env.lifecycle().manage(Infrastructure.closing(verifiers::shutdownNow));
    SignatureVerification verification =
        SignatureVerifiers.create(
            sig.isolation().value(),
            sig.verifierHeapMb(),
            sig.verifierProcesses(),
            trust,
            clock,
            sig.verifyTimeout().toJavaDuration());
    env.lifecycle().manage(Infrastructure.closing(verification));
    SignatureInspection signatures =
        new SignatureInspection(
            verification, verifiers, sig.verifyTimeout().toJavaDuration(), env.getObjectMapper());

    return new SignatureWiring(keys, signatures);
  }
}
