package vn.tangthu.storage.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.store.Digests;

/** Passes bytes through and fails at end of stream when their SHA-256 is not the expected one. */
final class VerifyingInputStream extends FilterInputStream {
  private final MessageDigest digest = Digests.newDigest("SHA-256");
  private final String expected;

  VerifyingInputStream(InputStream in, String expectedSha256) {
    super(in);
    this.expected = expectedSha256;
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
      digest.update(b, off, n);
    } else if (n < 0 && !HexFormat.of().formatHex(digest.digest()).equals(expected)) {
      throw S3Exception.internal("Source object failed its integrity check (SHA-256 mismatch)");
    }
    return n;
  }
}
