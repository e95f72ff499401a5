package vn.tangthu.intake.internal.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.internal.container.EntryNames;
import vn.tangthu.intake.internal.container.ZipContainer;
import vn.tangthu.intake.internal.io.BoundedEntryStream;
import vn.tangthu.intake.internal.io.BoundedFileOutput;
import vn.tangthu.intake.internal.io.EntryBounds;
import vn.tangthu.intake.internal.io.Magic;
import vn.tangthu.intake.internal.io.PackageChannel;
import vn.tangthu.intake.internal.io.SpoolDir;

/**
 * Turns a decoded attachment into the file to store: senders may zip a file before encoding it, so
 * a zip holding exactly one file is unwrapped (within the size and ratio limits); a zip of several
 * files named or typed as zip is a nested archive; an office document (also a zip) stays as it is.
 * Any other archive (gzip, rar, 7z, tar, …) is a nested archive too.
 */
final class AttachmentFiles {

  /** The file to store and its name. */
  record Unwrapped(Path file, String name, long size) {}

  /**
   * Zips with more entries than this are not listed: a file zipped before encoding has one entry
   * (and perhaps its folder), an office document a few dozen.
   */
  static final int MAX_LISTED = 4096;

  private AttachmentFiles() {}

  static Unwrapped unwrap(
      Path file, long size, String name, String type, IntakeLimits limits, SpoolDir spool)
      throws IOException {
    byte[] head = head(file);
    if (!Magic.isZip(head, head.length)) {
      refuseArchive(head, name, type);
      return new Unwrapped(file, name, size);
    }
    if (declaredEntries(file) > MAX_LISTED) {
      if (Magic.saysZip(name, type)) {
        throw new ItemReadException(
            ItemErrorCode.NESTED_ARCHIVE,
            name + " is a zip of many files; nested archives are not expanded");
      }
      return new Unwrapped(file, name, size);
    }
    List<ZipArchiveEntry> files;
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      files = new ArrayList<>();
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (!e.isDirectory() && !EntryNames.isClutter(e.getName())) {
          files.add(e);
        }
      }
      if (files.size() == 1) {
        return extract(zip, files.get(0), name, limits, spool);
      }
    } catch (ItemReadException e) {
      throw e;
    } catch (IOException e) {
      if (Magic.saysZip(name, type)) {
        throw new ItemReadException(
            ItemErrorCode.ATTACHMENT_INVALID, name + " is not a readable zip: " + e.getMessage());
      }
      return new Unwrapped(file, name, size);
    }
    if (Magic.saysZip(name, type)) {
      throw new ItemReadException(
          ItemErrorCode.NESTED_ARCHIVE,
          name + " is a zip of " + files.size() + " files; nested archives are not expanded");
    }
    return new Unwrapped(file, name, size);
  }

  private static Unwrapped extract(
      ZipFile zip, ZipArchiveEntry entry, String outer, IntakeLimits limits, SpoolDir spool)
      throws IOException {
    String inner = EntryNames.normalize(entry.getName());
    if (inner == null) {
      throw new ItemReadException(
          ItemErrorCode.UNSAFE_PATH,
          outer + " (zipped) holds a file with an unsafe name: " + entry.getName());
    }
    if (!zip.canReadEntryData(entry)) {
      throw new ItemReadException(
          ItemErrorCode.ATTACHMENT_INVALID, outer + " (zipped) is encrypted or unreadable");
    }
    String label = outer + " (zipped " + inner + ")";
    boolean stored = entry.getMethod() == ZipArchiveEntry.STORED;
    EntryBounds bounds =
        new EntryBounds(
            label,
            entry.getSize(),
            stored ? -1 : entry.getCompressedSize(),
            entry.getCrc(),
            limits.maxEntryBytes(),
            limits.maxCompressionRatio(),
            limits.ratioFloorBytes());
    Path out = spool.newFile(".bin");
    long size;
    try (InputStream in = new BoundedEntryStream(zip.getInputStream(entry), bounds);
        BoundedFileOutput sink = new BoundedFileOutput(out, limits.maxEntryBytes(), label)) {
      in.transferTo(sink);
      size = sink.count();
    } catch (IOException e) {
      SpoolDir.delete(out);
      throw e;
    }
    String name = EntryNames.baseName(inner);
    byte[] head = head(out);
    try {
      refuseArchive(head, name, null);
    } catch (ItemReadException e) {
      SpoolDir.delete(out);
      throw e;
    }
    return new Unwrapped(out, name, size);
  }

  private static void refuseArchive(byte[] head, String name, String type)
      throws ItemReadException {
    String kind = Magic.archiveKind(head, head.length, name, type);
    if (kind != null) {
      throw new ItemReadException(
          ItemErrorCode.NESTED_ARCHIVE,
          name + " is a " + kind + " archive; nested archives are not expanded");
    }
  }

  /**
   * The entry count its end record declares (0 when none is found): listing a central directory
   * holds every entry in memory, so only a short one is listed.
   */
  private static long declaredEntries(Path file) throws IOException {
    try (FileChannel fc = FileChannel.open(file, StandardOpenOption.READ);
        PackageChannel channel = new PackageChannel(fc, 64 * 1024, 2)) {
      return ZipContainer.declaredEntries(channel);
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(Magic.HEAD);
    }
  }
}
