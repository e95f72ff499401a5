package vn.tangthu.intake;

/**
 * What a package and each of its items may cost. An entry or message over a limit is an item error
 * ({@link ItemErrorCode#ENTRY_TOO_LARGE}, {@link ItemErrorCode#XML_HOSTILE}); a package over {@link
 * #maxEntries} or {@link #maxPackageBytes} is refused ({@link PackageErrorCode#PACKAGE_TOO_LARGE}).
 *
 * @param maxEntries entries in one zip or tar (the entry index costs about 0.5 KiB each)
 * @param maxPackageBytes sum of the declared uncompressed sizes of all entries
 * @param maxEntryBytes uncompressed size of one entry or of one decoded edXML attachment; an edXML
 *     message (its attachments in base64) may be twice as large
 * @param maxCompressionRatio uncompressed over compressed bytes of one entry, checked once it has
 *     produced {@code ratioFloorBytes} (zip bombs: 1 GB of zeros deflates about 1000 to 1)
 * @param ratioFloorBytes below this many uncompressed bytes the ratio is not checked
 * @param maxMarkupBytes one XML tag (with its attributes), comment, processing instruction or CDATA
 *     section; the JDK's StAX reader holds each whole in memory
 * @param maxHeaderChars the text of one edXML header element (Subject, OrganName, …)
 * @param maxElementDepth nesting of XML elements
 * @param maxAttachments attachments (phụ lục) of one item, as {@code POST /records} allows
 * @param maxMetadataBytes {@code metadata.csv}/{@code metadata.json}
 * @param maxMetadataRowBytes one CSV record or one JSON object of the metadata
 */
public record IntakeLimits(
    int maxEntries,
    long maxPackageBytes,
    long maxEntryBytes,
    int maxCompressionRatio,
    long ratioFloorBytes,
    int maxMarkupBytes,
    int maxHeaderChars,
    int maxElementDepth,
    int maxAttachments,
    long maxMetadataBytes,
    int maxMetadataRowBytes) {

  private static final long MIB = 1024L * 1024;

  public IntakeLimits {
    positive("maxEntries", maxEntries);
    positive("maxPackageBytes", maxPackageBytes);
    positive("maxEntryBytes", maxEntryBytes);
    positive("maxCompressionRatio", maxCompressionRatio);
    positive("ratioFloorBytes", ratioFloorBytes);
    positive("maxMarkupBytes", maxMarkupBytes);
    positive("maxHeaderChars", maxHeaderChars);
    positive("maxElementDepth", maxElementDepth);
    positive("maxAttachments", maxAttachments);
    positive("maxMetadataBytes", maxMetadataBytes);
    positive("maxMetadataRowBytes", maxMetadataRowBytes);
  }

  /**
   * 200,000 entries, 1 TiB per package, 4 GiB per entry, ratio 200 past 1 MiB, 256 KiB of markup,
   * 64 Ki characters per header element, depth 64, 100 attachments, 64 MiB of metadata and 1 MiB
   * per metadata row.
   */
  public static IntakeLimits defaults() {
    return new IntakeLimits(
        200_000,
        1024L * 1024 * MIB,
        4096 * MIB,
        200,
        MIB,
        256 * 1024,
        64 * 1024,
        64,
        100,
        64 * MIB,
        (int) MIB);
  }

  public IntakeLimits withMaxEntryBytes(long value) {
    return new IntakeLimits(
        maxEntries,
        maxPackageBytes,
        value,
        maxCompressionRatio,
        ratioFloorBytes,
        maxMarkupBytes,
        maxHeaderChars,
        maxElementDepth,
        maxAttachments,
        maxMetadataBytes,
        maxMetadataRowBytes);
  }

  public IntakeLimits withMaxPackage(int entries, long bytes) {
    return new IntakeLimits(
        entries,
        bytes,
        maxEntryBytes,
        maxCompressionRatio,
        ratioFloorBytes,
        maxMarkupBytes,
        maxHeaderChars,
        maxElementDepth,
        maxAttachments,
        maxMetadataBytes,
        maxMetadataRowBytes);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }
}
