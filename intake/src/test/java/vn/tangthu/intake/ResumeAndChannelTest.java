package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an import job relies on: the same bytes give the same items at the same indexes, in any
 * order and from several threads; a failing channel is a transport failure, never an item failure;
 * a zip's central directory costs a handful of channel reads, not one per entry.
 */
class ResumeAndChannelTest {

  @TempDir Path tmp;

  static byte[] batch(int n) throws IOException {
    Archives a = new Archives();
    for (int i = 0; i < n; i++) {
      Messages m = Messages.standard().set("DocumentId", "doc-" + i).set("Code/CodeNumber", "" + i);
      m.envelope = i % 3 == 0;
      m.attach("att-x" + i, "phu-luc-" + i + ".txt", "text/plain", "phụ lục " + i);
      byte[] bytes = i % 7 == 5 ? "<broken".getBytes() : m.bytes();
      a.add(String.format("msg-%04d.xml", i), bytes);
    }
    return a.zip();
  }

  /** What an item is, as a line a test can compare. */
  static String describe(IntakeItem item) throws IOException {
    try (item) {
      if (item instanceof FailedItem f) {
        return item.index() + " " + item.path() + " FAILED " + f.error().code();
      }
      ReadyItem r = (ReadyItem) item;
      StringBuilder s = new StringBuilder(item.index() + " " + item.path() + " " + r.metadata());
      s.append(' ').append(sha256(r.file()));
      for (ItemFile a : r.attachments()) {
        s.append(' ').append(a.name()).append('=').append(sha256(a));
      }
      return s.toString();
    }
  }

  static String sha256(ItemFile f) throws IOException {
    try (InputStream in = f.open()) {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aReopenedPackageResumesAtAnyIndexWithTheSameItems() throws Exception {
    byte[] bytes = batch(40);
    List<String> first = new ArrayList<>();
    try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
      for (int i = 0; i < o.reader().size(); i++) {
        first.add(describe(o.reader().read(i)));
      }
    }
    assertThat(first).hasSize(40).anyMatch(s -> s.contains("FAILED"));
    try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
      for (int i = 40 - 1; i >= 23; i--) {
        assertThat(describe(o.reader().read(i))).isEqualTo(first.get(i));
      }
    }
  }

  @Test
  void itemsReadInParallelAreTheSameItems() throws Exception {
    byte[] bytes = batch(40);
    List<String> sequential = new ArrayList<>();
    try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
      for (int i = 0; i < o.reader().size(); i++) {
        sequential.add(describe(o.reader().read(i)));
      }
    }
    // a package opened afresh: no entry has been opened yet, as when an import job starts
    try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> parallel = new ArrayList<>();
        for (int i = 0; i < o.reader().size(); i++) {
          int index = i;
          parallel.add(pool.submit(() -> describe(o.reader().read(index))));
        }
        for (int i = 0; i < parallel.size(); i++) {
          assertThat(parallel.get(i).get()).isEqualTo(sequential.get(i));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * The files of a zip with a metadata table, many at once on a package nobody has read yet: each
   * item opens its entry, and opening reads the entry's local header on the shared channel.
   */
  @Test
  void filesOfAFreshZipReadInParallelAreTheSameFiles() throws Exception {
    Archives a = new Archives();
    StringBuilder csv = new StringBuilder("path,subject\n");
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 300; i++) {
      csv.append("van-ban-").append(i).append(".txt,Văn bản số ").append(i).append('\n');
      byte[] text = new byte[200 + random.nextInt(4000)];
      random.nextBytes(text);
      a.add("van-ban-" + i + ".txt", text);
    }
    a.add("metadata.csv", csv.toString());
    byte[] bytes = a.zip();
    List<String> sequential = new ArrayList<>();
    try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
      for (int i = 0; i < o.reader().size(); i++) {
        sequential.add(describe(o.reader().read(i)));
      }
    }
    for (int round = 0; round < 5; round++) {
      try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
          List<Future<String>> parallel = new ArrayList<>();
          for (int i = 0; i < o.reader().size(); i++) {
            int index = i;
            parallel.add(pool.submit(() -> describe(o.reader().read(index))));
          }
          for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i).get()).as("round " + round).isEqualTo(sequential.get(i));
          }
        } finally {
          pool.shutdownNow();
        }
      }
    }
  }

  @Test
  void aFailingChannelIsATransportFailureAndTheItemReadsOnceItRecovers() throws Exception {
    byte[] big = new byte[3 << 20];
    new java.util.Random(20).nextBytes(big);
    byte[] bytes =
        new Archives().add("metadata.csv", "path,subject\nbig.bin,Lớn\n").add("big.bin", big).zip();
    TestChannel channel = new TestChannel(bytes);
    try (PackageReader reader = PackageReader.open(channel, IntakeOptions.of(tmp))) {
      ReadyItem item = (ReadyItem) reader.read(0);
      try (InputStream in = item.file().open()) {
        in.readNBytes(1000);
        channel.failing.set(true);
        assertThatThrownBy(in::readAllBytes)
            .isInstanceOf(ChannelReadException.class)
            .isNotInstanceOf(ItemReadException.class);
      }
      assertThatThrownBy(() -> PackageReader.open(channel, IntakeOptions.of(tmp)).close())
          .isInstanceOf(ChannelReadException.class);
      channel.failing.set(false);
      assertThat(Fixtures.bytes(((ReadyItem) reader.read(0)).file())).isEqualTo(big);
    }
  }

  @Test
  void openingAZipOfThousandsOfEntriesTakesAFewChannelReads() throws Exception {
    Archives a = new Archives();
    byte[] message = Messages.standard().bytes();
    for (int i = 0; i < 3000; i++) {
      a.stored(String.format("thu-muc/van-ban-%05d.xml", i), message);
    }
    TestChannel channel = new TestChannel(a.zip());
    try (PackageReader reader = PackageReader.open(channel, IntakeOptions.of(tmp))) {
      assertThat(reader.size()).isEqualTo(3000);
      assertThat(channel.reads.get()).as("reads of %d bytes", channel.size()).isLessThan(16);
    }
  }

  @Test
  void aFailingChannelWhileOpeningIsNotAPackageError() {
    TestChannel channel = new TestChannel(new byte[10_000]);
    channel.failing.set(true);
    assertThatThrownBy(() -> PackageReader.open(channel, IntakeOptions.of(tmp)))
        .isInstanceOf(ChannelReadException.class);
  }
}
