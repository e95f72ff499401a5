package vn.tangthu.intake.internal.io;

/**
 * What one entry's stream may produce.
 *
 * @param name the entry's path, for messages
 * @param declaredSize uncompressed size the archive declares, or -1
 * @param compressedSize compressed bytes the entry occupies, or -1 when stored or unknown
 * @param crc the CRC-32 the archive declares, or -1
 * @param maxBytes hard limit on the uncompressed bytes
 * @param maxRatio limit on uncompressed over compressed bytes
 * @param ratioFloor uncompressed bytes before the ratio is checked
 */
public record EntryBounds(
    String name,
    long declaredSize,
    long compressedSize,
    long crc,
    long maxBytes,
    long maxRatio,
    long ratioFloor) {}
