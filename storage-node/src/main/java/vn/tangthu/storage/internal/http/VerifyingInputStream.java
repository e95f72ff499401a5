package vn.tangthu.storage.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.store.Digests;
import vn.tangthu.storage.internal.store.ObjectMeta;

/**
 * Passes the bytes of a whole stored version through and fails at end of stream when they are not
 * the recorded ones: their CRC32C when the version records one, else their SHA-256.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final MessageDigest digest;
  private final CRC32C crc;
  private final String expected;

  VerifyingInputStream(InputStream in, ObjectMeta version) {
    super(in);
    if (version.crc32c() != null) {
      this.crc = new CRC32C();
      this.digest = null;
      this.expected = version.crc32c();
    } else {
      this.crc = null;
      this.digest = Digests.newDigest("SHA-256");
      this.expected = version.sha256();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      if (crc != null) {
        crc.update(b, off, n);
      } else {
        digest.update(b, off, n);
      }
    } else if (n < 0 && !actual().equals(expected)) {
      throw S3Exception.internal("Source object failed its integrity check; not copied");
    }
    return n;
  }

  private String actual() {
    return crc != null
        ? String.format("%08x", crc.getValue())
        : HexFormat.of().formatHex(digest.digest());
  }
}
