package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One verifier shared by several threads gives the same reports as sequential use. */
class ConcurrentVerificationTest {
  @Test
  void sharedVerifierIsThreadSafe() throws Exception {
    List<SignatureCorpus.Expectation> sample =
        SignatureCorpus.expectations().stream()
            .filter(
                e ->
                    e.file().endsWith("PAdES-LT.pdf")
                        || e.file().endsWith("pades-lta-copied-doctst.pdf")
                        || e.file().endsWith("pdf-signed-added-page.pdf")
                        || e.file().endsWith("counterSig.p7m")
                        || e.file().endsWith("cades-t-copied-sigtst.p7m"))
            .toList();
    assertThat(sample).hasSize(5);
    List<SignatureReport> sequential = new ArrayList<>();
    for (SignatureCorpus.Expectation e : sample) {
      sequential.add(CorpusSignatureTest.verify(e));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SignatureReport>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (SignatureCorpus.Expectation e : sample) {
          futures.add(pool.submit(() -> CorpusSignatureTest.verify(e)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % sample.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
