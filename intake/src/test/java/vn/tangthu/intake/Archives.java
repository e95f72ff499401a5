package vn.tangthu.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zips and tars for tests, including entries no honest tool would write. */
final class Archives {

  /** One entry to write. */
  record Item(String name, byte[] content, boolean stored, boolean symlink) {}

  private final List<Item> items = new ArrayList<>();

  Archives add(String name, byte[] content) {
    items.add(new Item(name, content, false, false));
    return this;
  }

  Archives add(String name, String content) {
    return add(name, content.getBytes(StandardCharsets.UTF_8));
  }

  Archives stored(String name, byte[] content) {
    items.add(new Item(name, content, true, false));
    return this;
  }

  Archives symlink(String name, String target) {
    items.add(new Item(name, target.getBytes(StandardCharsets.UTF_8), true, true));
    return this;
  }

  Archives dir(String name) {
    items.add(new Item(name.endsWith("/") ? name : name + "/", new byte[0], true, false));
    return this;
  }

  byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      out.setEncoding("UTF-8");
      for (Item i : items) {
        ZipArchiveEntry e = new ZipArchiveEntry(i.name());
        if (i.symlink()) {
          e.setUnixMode(0120777);
        }
        if (i.stored()) {
          e.setMethod(ZipArchiveEntry.STORED);
          e.setSize(i.content().length);
          CRC32 crc = new CRC32();
          crc.update(i.content());
          e.setCrc(crc.getValue());
        }
        out.putArchiveEntry(e);
        out.write(i.content());
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  byte[] tar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, "UTF-8")) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Item i : items) {
        TarArchiveEntry e;
        if (i.symlink()) {
          e = new TarArchiveEntry(i.name(), TarArchiveEntry.LF_SYMLINK);
          e.setLinkName(new String(i.content(), StandardCharsets.UTF_8));
          out.putArchiveEntry(e);
        } else {
          e = new TarArchiveEntry(i.name(), true);
          e.setSize(i.name().endsWith("/") ? 0 : i.content().length);
          out.putArchiveEntry(e);
          out.write(i.content());
        }
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static Path write(Path dir, String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }
}
