package vn.tangthu.intake.internal.container;

/**
 * One entry of a zip or tar, as listed (nothing of its content read yet).
 *
 * @param ordinal position in the container's order, from 0
 * @param rawName the name as stored
 * @param name {@link EntryNames#normalize normalised} name, {@code null} when unsafe
 * @param unsafe why the name is unsafe, or why the entry is not a plain file or folder (link,
 *     device); {@code null} when it is fine
 * @param directory a folder entry
 * @param size declared uncompressed size, or -1
 * @param compressedSize compressed size for a compressed zip entry, else -1
 * @param crc declared CRC-32 (zip), or -1
 * @param unreadable why the content cannot be read (encryption, method, sparse), or {@code null}
 * @param dataOffset where a tar entry's data starts, else -1
 * @param handle the library's entry object
 */
public record Entry(
    int ordinal,
    String rawName,
    String name,
    String unsafe,
    boolean directory,
    long size,
    long compressedSize,
    long crc,
    String unreadable,
    long dataOffset,
    Object handle) {

  /** A plain file with a safe name. */
  public boolean isSafeFile() {
    return !directory && unsafe == null && name != null;
  }

  /** The name for messages: normalised when safe, else as stored. */
  public String displayName() {
    return name != null ? name : rawName.replace("\0", "\\0");
  }
}
