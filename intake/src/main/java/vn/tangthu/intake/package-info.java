/**
 * Reads import packages for the archive: one edXML message, a zip or tar of edXML messages, a BagIt
 * bag, or a zip or tar of files with {@code metadata.csv}/{@code metadata.json}. Knows nothing of
 * HTTP, S3, PostgreSQL or the archive: {@link vn.tangthu.intake.PackageReader} reads a caller's
 * {@link java.nio.channels.SeekableByteChannel} and yields {@link vn.tangthu.intake.IntakeItem}s,
 * each ready for the same ingest path as {@code POST /records} ({@link
 * vn.tangthu.intake.ReadyItem}) or failed with a stable code ({@link
 * vn.tangthu.intake.FailedItem}).
 */
package vn.tangthu.intake;
