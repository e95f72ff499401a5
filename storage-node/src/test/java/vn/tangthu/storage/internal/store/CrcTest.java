package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrcTest {
  private static long crc64(byte[] b) {
    Crc64Nvme c = new Crc64Nvme();
    c.update(b, 0, b.length);
    return c.getValue();
  }

  @Test
  void crc64NvmeMatchesPublishedVectors() {
    // CRC catalogue check value; aws-checksums' 32 zero bytes; NVMe spec 4 KiB of 0x00 and 0xff;
    // crc64fast-nvme's "hello world!"; the crc64nvme tool's `echo 'Hello, World!' | base64`
    assertThat(crc64("123456789".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0xae8b14860a799888L);
    assertThat(crc64(new byte[32])).isEqualTo(0xcf3473434d4ecf3bL);
    assertThat(crc64(new byte[4096])).isEqualTo(0x6482d367eb22b64eL);
    byte[] ffs = new byte[4096];
    java.util.Arrays.fill(ffs, (byte) 0xff);
    assertThat(crc64(ffs)).isEqualTo(0xc0ddba7302eca3acL);
    assertThat(crc64("hello world!".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0xd9160d1fa8e418e3L);
    ChecksumAlgorithm.Hasher h = ChecksumAlgorithm.CRC64NVME.hasher();
    byte[] hello = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
    h.update(hello, 0, hello.length);
    assertThat(h.finishBase64()).isEqualTo("SoXXbx67KpE=");
  }

  @Test
  void crc64NvmeIsTheSameByteByByteInSlicesAndFromDirectBuffers() {
    byte[] data = new byte[100_003];
    new Random(7).nextBytes(data);
    long whole = crc64(data);
    Crc64Nvme bytewise = new Crc64Nvme();
    for (byte b : data) {
      bytewise.update(b);
    }
    Crc64Nvme direct = new Crc64Nvme();
    ByteBuffer buf = ByteBuffer.allocateDirect(data.length).put(data).flip();
    direct.update(buf);
    assertThat(bytewise.getValue()).isEqualTo(whole);
    assertThat(direct.getValue()).isEqualTo(whole);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 4096, 5 * 1024 * 1024 + 13})
  void combineGivesTheCrcOfTheConcatenation(int secondLength) {
    byte[] a = new byte[10_000];
    byte[] b = new byte[secondLength];
    new Random(secondLength).nextBytes(a);
    new Random(secondLength + 1L).nextBytes(b);
    byte[] ab = new byte[a.length + b.length];
    System.arraycopy(a, 0, ab, 0, a.length);
    System.arraycopy(b, 0, ab, a.length, b.length);
    assertThat(CrcCombine.CRC32.combine(crc(new CRC32(), a), crc(new CRC32(), b), b.length))
        .isEqualTo(crc(new CRC32(), ab));
    assertThat(CrcCombine.CRC32C.combine(crc(new CRC32C(), a), crc(new CRC32C(), b), b.length))
        .isEqualTo(crc(new CRC32C(), ab));
    assertThat(CrcCombine.CRC64NVME.combine(crc64(a), crc64(b), b.length)).isEqualTo(crc64(ab));
  }

  @Test
  void compositeIsTheChecksumOfThePartChecksumsWithTheirCount() {
    byte[] p1 = "part one".getBytes(StandardCharsets.US_ASCII);
    byte[] p2 = "part two".getBytes(StandardCharsets.US_ASCII);
    CRC32 outer = new CRC32();
    outer.update(
        java.nio.ByteBuffer.allocate(8)
            .putInt((int) crc(new CRC32(), p1))
            .putInt((int) crc(new CRC32(), p2))
            .array());
    String expected =
        Base64.getEncoder()
                .encodeToString(
                    java.nio.ByteBuffer.allocate(4).putInt((int) outer.getValue()).array())
            + "-2";
    assertThat(
            ChecksumAlgorithm.CRC32.composite(
                List.of(b64(crc(new CRC32(), p1)), b64(crc(new CRC32(), p2)))))
        .isEqualTo(expected);
  }

  private static String b64(long crc32) {
    return Base64.getEncoder()
        .encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc32).array());
  }

  private static long crc(Checksum c, byte[] b) {
    c.update(b, 0, b.length);
    return c.getValue();
  }
}
