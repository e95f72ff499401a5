package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private static JournalRecord record(String key, String replaced, int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return new JournalRecord(
        "bucket",
        key,
        "null",
        "d-" + size + ".bin",
        replaced,
        ("# object version\nkey=" + key + "\n").getBytes(StandardCharsets.UTF_8),
        data);
  }

  private static void assertSame(JournalRecord actual, JournalRecord expected) {
    assertThat(actual.bucket()).isEqualTo(expected.bucket());
    assertThat(actual.key()).isEqualTo(expected.key());
    assertThat(actual.versionId()).isEqualTo(expected.versionId());
    assertThat(actual.dataFile()).isEqualTo(expected.dataFile());
    assertThat(actual.replacedDataFile()).isEqualTo(expected.replacedDataFile());
    assertThat(actual.sidecar()).isEqualTo(expected.sidecar());
    assertThat(actual.data()).isEqualTo(expected.data());
  }

  @Test
  void appendedBatchesReadBackInOrderAndATornTailEndsTheJournal() throws Exception {
    Path file = dir.resolve("objects.wal");
    List<JournalRecord> first =
        List.of(record("hồ sơ/a b", null, 0), record("x", "d-old.bin", 4096));
    List<JournalRecord> second = List.of(record("y/..%", null, 128 * 1024));
    try (Journal j = new Journal(file)) {
      j.append(first);
      j.append(second);
      j.force();
    }
    List<JournalRecord> read = Journal.read(file);
    assertThat(read).hasSize(3);
    assertSame(read.get(0), first.get(0));
    assertSame(read.get(1), first.get(1));
    assertSame(read.get(2), second.get(0));

    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 10);
    }
    assertThat(Journal.read(file)).hasSize(2);
  }
}
