package vn.tangthu.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the archive needs from any S3 backend, checked through {@link ObjectStore}. Each subclass
 * runs the same checks against one implementation, so the archive depends on S3, not on one
 * server's quirks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ObjectStoreContract {

  static final String BUCKET = "contract-bucket";

  @TempDir static Path tmp;
  ObjectStore store;

  /** An ObjectStore on a freshly started backend. */
  abstract ObjectStore open() throws Exception;

  @BeforeAll
  void setUp() throws Exception {
    store = open();
    store.ensureBucket(BUCKET, false);
  }

  @Test
  void ensureBucketIsIdempotent() {
    store.ensureBucket(BUCKET, false);
    store.ensureBucket(BUCKET, false);
  }

  @Test
  void putThenGetReturnsTheSameBytesAndMetadata() throws Exception {
    byte[] bytes = random(300_000, 1);
    Path file = tmp.resolve("a.bin");
    Files.write(file, bytes);
    store.put(BUCKET, "originals/aa/one", file, "application/pdf", Map.of("sha256", sha256(bytes)));
    try (InputStream in = store.get(BUCKET, "originals/aa/one")) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    ObjectInfo info = store.stat(BUCKET, "originals/aa/one").orElseThrow();
    assertThat(info.size()).isEqualTo(bytes.length);
    assertThat(info.userMetadata()).containsEntry("sha256", sha256(bytes));
  }

  @Test
  void largeFileGoesThroughMultipart() throws Exception {
    byte[] bytes = random(12 * 1024 * 1024 + 17, 2);
    Path file = tmp.resolve("big.bin");
    Files.write(file, bytes);
    store.put(BUCKET, "originals/bb/big", file, "application/octet-stream", Map.of());
    try (InputStream in = store.get(BUCKET, "originals/bb/big")) {
      assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(bytes));
    }
  }

  @Test
  void rangeReadsReturnExactlyTheSlice() throws Exception {
    byte[] bytes = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
    store.put(BUCKET, "range/obj", bytes, "text/plain");
    try (InputStream in = store.get(BUCKET, "range/obj", 995, 5)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("56789");
    }
  }

  @Test
  void zeroByteObjectsAreKept() throws Exception {
    store.put(BUCKET, "empty/obj", new byte[0], "text/plain");
    assertThat(store.read(BUCKET, "empty/obj")).isEmpty();
    assertThat(store.stat(BUCKET, "empty/obj").orElseThrow().size()).isZero();
  }

  @Test
  void missingObjectIsNotFound() {
    assertThatThrownBy(() -> store.get(BUCKET, "nope/none"))
        .isInstanceOf(ObjectNotFoundException.class);
    assertThat(store.stat(BUCKET, "nope/none")).isEmpty();
  }

  @Test
  void deleteRemovesAndIsIdempotent() {
    store.put(BUCKET, "del/obj", new byte[] {1}, "application/octet-stream");
    store.delete(BUCKET, "del/obj");
    assertThat(store.stat(BUCKET, "del/obj")).isEmpty();
    store.delete(BUCKET, "del/obj");
  }

  @Test
  void listingIsInKeyOrderWithPrefixAndPaging() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String k = String.format("list/%02d", 24 - i);
      store.put(BUCKET, k, new byte[] {(byte) i}, "application/octet-stream");
      keys.add(k);
    }
    keys.sort(null);
    List<String> first = store.list(BUCKET, "list/", null, 10);
    assertThat(first).containsExactlyElementsOf(keys.subList(0, 10));
    List<String> next = store.list(BUCKET, "list/", first.get(first.size() - 1), 100);
    assertThat(next).containsExactlyElementsOf(keys.subList(10, 25));
  }

  @Test
  void unicodeAndOddKeysRoundTrip() {
    for (String key :
        List.of("text/ab/quyết định.txt", "odd/a%2Fb", "odd/sp ace+plus", "odd/~!@$&*()=;,")) {
      store.put(BUCKET, key, key.getBytes(StandardCharsets.UTF_8), "text/plain");
      assertThat(new String(store.read(BUCKET, key), StandardCharsets.UTF_8)).isEqualTo(key);
    }
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static String sha256(byte[] b) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
