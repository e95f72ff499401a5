package vn.tangthu.storage.internal.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.store.Digests;

/**
 * Decodes an {@code aws-chunked} body, checking every chunk signature (and the trailer signature)
 * when the payload mode is signed. Signature failures surface as {@link S3Exception}
 * (SignatureDoesNotMatch) from {@code read}, before the end of the stream is reported, so a caller
 * that commits only after reading to the end never commits a forged body.
 */
public final class AwsChunkedInputStream extends InputStream {
  private static final String EMPTY_SHA256 = SigningKeys.sha256Hex(new byte[0]);
  private static final int MAX_LINE = 8192;

  private final InputStream in;
  private final AuthContext auth;
  private final boolean signed;
  private final Map<String, String> trailers = new LinkedHashMap<>();
  private String previousSignature;
  private long remaining;
  private String chunkSignature;
  private MessageDigest chunkDigest;
  private boolean done;
  private boolean inChunk;

  public AwsChunkedInputStream(InputStream in, AuthContext auth) {
    this.in = in;
    this.auth = auth;
    this.signed = auth.payloadMode() != PayloadMode.STREAMING_UNSIGNED_TRAILER;
    this.previousSignature = auth.seedSignature();
  }

  /** Trailing headers (lower-case names), available once the stream is fully read. */
  public Map<String, String> trailers() {
    return trailers;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (remaining == 0) {
      if (done) {
        return -1;
      }
      if (inChunk) {
        endChunk();
      }
      startChunk();
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw incomplete();
    }
    if (chunkDigest != null) {
      chunkDigest.update(b, off, n);
    }
    remaining -= n;
    return n;
  }

  private void startChunk() throws IOException {
    String header = readLine();
    String sizePart = header;
    chunkSignature = null;
    int semi = header.indexOf(';');
    if (semi >= 0) {
      sizePart = header.substring(0, semi);
      for (String ext : header.substring(semi + 1).split(";")) {
        if (ext.startsWith("chunk-signature=")) {
          chunkSignature = ext.substring("chunk-signature=".length()).trim();
        }
      }
    }
    long size;
    try {
      size = Long.parseLong(sizePart.trim(), 16);
    } catch (NumberFormatException e) {
      throw S3Exception.invalidArgument("malformed aws-chunked chunk header");
    }
    if (size < 0) {
      throw S3Exception.invalidArgument("malformed aws-chunked chunk header");
    }
    if (signed && chunkSignature == null) {
      throw signatureMismatch();
    }
    chunkDigest = signed ? Digests.newDigest("SHA-256") : null;
    if (size == 0) {
      finish();
      return;
    }
    remaining = size;
    inChunk = true;
  }

  private void endChunk() throws IOException {
    inChunk = false;
    expectCrlf();
    verifyChunk();
  }

  private void verifyChunk() {
    if (!signed) {
      return;
    }
    String hash = HexFormat.of().formatHex(chunkDigest.digest());
    String sts =
        "AWS4-HMAC-SHA256-PAYLOAD\n"
            + auth.amzDate()
            + "\n"
            + auth.scope()
            + "\n"
            + previousSignature
            + "\n"
            + EMPTY_SHA256
            + "\n"
            + hash;
    String expected = HexFormat.of().formatHex(SigningKeys.hmac(auth.signingKey(), sts));
    if (!SigningKeys.same(expected, chunkSignature)) {
      throw signatureMismatch();
    }
    previousSignature = expected;
    chunkDigest = null;
  }

  private void finish() throws IOException {
    verifyChunk();
    StringBuilder canonicalTrailer = new StringBuilder();
    String trailerSignature = null;
    while (true) {
      String line = readLine();
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw S3Exception.invalidArgument("malformed aws-chunked trailer");
      }
      String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("x-amz-trailer-signature")) {
        trailerSignature = value;
      } else {
        trailers.put(name, value);
        canonicalTrailer.append(name).append(':').append(value).append('\n');
      }
    }
    if (auth.payloadMode() == PayloadMode.STREAMING_SIGNED_TRAILER) {
      String sts =
          "AWS4-HMAC-SHA256-TRAILER\n"
              + auth.amzDate()
              + "\n"
              + auth.scope()
              + "\n"
              + previousSignature
              + "\n"
              + SigningKeys.sha256Hex(canonicalTrailer.toString());
      String expected = HexFormat.of().formatHex(SigningKeys.hmac(auth.signingKey(), sts));
      if (!SigningKeys.same(expected, trailerSignature)) {
        throw signatureMismatch();
      }
    }
    done = true;
    chunkDigest = null;
  }

  private void expectCrlf() throws IOException {
    int cr = in.read();
    int lf = in.read();
    if (cr != '\r' || lf != '\n') {
      throw cr < 0 || lf < 0
          ? incomplete()
          : S3Exception.invalidArgument("malformed aws-chunked body");
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(96);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw incomplete();
      }
      if (c == '\n') {
        break;
      }
      if (line.size() > MAX_LINE) {
        throw S3Exception.invalidArgument("aws-chunked line too long");
      }
      line.write(c);
    }
    String s = line.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static S3Exception incomplete() {
    return new S3Exception(
        400,
        "IncompleteBody",
        "You did not provide the number of bytes specified by the Content-Length HTTP header.");
  }

  private static S3Exception signatureMismatch() {
    return new S3Exception(
        403,
        "SignatureDoesNotMatch",
        "The chunk signature we calculated does not match the signature you provided.");
  }
}
