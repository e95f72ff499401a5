package vn.tangthu.retention.transfer;

import java.util.Objects;

/**
 * A small preservation file that travels with a record: its signature validation report, or its RFC
 * 4998 evidence record. Held in memory (at most {@link #MAX_BYTES}).
 *
 * @param kind what it is
 * @param fileName a name for it, used (sanitised) in the package
 * @param mediaType its media type
 * @param bytes its content
 */
public record ExtraFile(Kind kind, String fileName, String mediaType, byte[] bytes) {
  /** Largest extra file accepted. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  /** What an extra file is. */
  public enum Kind {
    /** The archive's signature validation report of the record. */
    SIGNATURE_REPORT,
    /** An RFC 4998 evidence record (DER) over the record. */
    EVIDENCE_RECORD
  }

  public ExtraFile {
    Objects.requireNonNull(kind, "kind");
    Checks.text(fileName, "fileName");
    Checks.text(mediaType, "mediaType");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "extra file " + fileName + " is larger than " + MAX_BYTES + " bytes");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
