package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * How CompleteMultipartUpload turns parts into one version: the parts named are checked against the
 * stored ones (order, ETags, checksums, sizes), the object's checksum is computed from the parts'
 * (full-object CRC combined, or composite), and the parts' files are copied into one data file in
 * the kernel while its CRC32C is combined from theirs. Thread-safe.
 */
final class PartAssembly {
  private final DiskStore store;

  PartAssembly(DiskStore store) {
    this.store = store;
  }

  /** The stored parts the request names, checked against S3's rules. */
  static List<Multipart.Part> choose(
      Multipart.Upload upload, List<Multipart.Part> all, List<Multipart.CompletedPart> requested) {
    if (requested.isEmpty()) {
      throw S3Exception.malformedXml();
    }
    Map<Integer, Multipart.Part> stored = new HashMap<>();
    all.forEach(p -> stored.put(p.number(), p));
    int prev = 0;
    List<Multipart.Part> chosen = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      Multipart.CompletedPart c = requested.get(i);
      if (c.number() <= prev) {
        throw new S3Exception(
            400, "InvalidPartOrder", "The list of parts was not in ascending order.");
      }
      prev = c.number();
      Multipart.Part p = stored.get(c.number());
      String etag = c.etag() == null ? "" : c.etag().replace("\"", "").trim();
      if (p == null || !p.etag().equalsIgnoreCase(etag)) {
        throw invalidPart(c.number());
      }
      for (var e : c.checksums().entrySet()) {
        String have = p.checksums().get(e.getKey());
        if (have != null ? !have.equals(e.getValue().trim()) : e.getKey().equals(algo(upload))) {
          throw invalidPart(c.number());
        }
      }
      if (i < requested.size() - 1 && p.size() < Multipart.MIN_PART) {
        throw new S3Exception(
            400,
            "EntityTooSmall",
            "Your proposed upload is smaller than the minimum allowed object size.");
      }
      chosen.add(p);
    }
    return chosen;
  }

  private static String algo(Multipart.Upload upload) {
    return upload.checksumAlgorithm() == null ? null : upload.checksumAlgorithm().name();
  }

  private static S3Exception invalidPart(int number) {
    return new S3Exception(
        400,
        "InvalidPart",
        "One or more of the specified parts could not be found. Part " + number);
  }

  /**
   * The object's checksum from the parts' (full-object or composite), checked against the given.
   */
  static Map<String, String> checksums(
      Multipart.Upload upload, List<Multipart.Part> chosen, Map<String, String> expected) {
    ChecksumAlgorithm a = upload.checksumAlgorithm();
    if (a == null) {
      return defaultChecksum(chosen);
    }
    List<String> values = new ArrayList<>();
    for (Multipart.Part p : chosen) {
      String v = p.checksums().get(a.name());
      if (v == null) {
        throw invalidPart(p.number());
      }
      values.add(v);
    }
    String value =
        "FULL_OBJECT".equals(upload.checksumType())
            ? a.combine(values, chosen.stream().map(Multipart.Part::size).toList())
            : a.composite(values);
    String given = expected.get(a.name());
    if (given != null
        && !given.trim().equals(value)
        && !(given.trim() + "-" + chosen.size()).equals(value)) {
      throw S3Exception.badDigest(
          "The " + a + " checksum you specified did not match what we calculated.");
    }
    return Map.of(a.name(), value);
  }

  /**
   * S3's default for an upload that named no algorithm: the full-object CRC64NVME, combined from
   * the parts' (each part records one since the node computes it); none when a part lacks it (a
   * part stored by an older version of the node).
   */
  private static Map<String, String> defaultChecksum(List<Multipart.Part> chosen) {
    ChecksumAlgorithm a = ChecksumAlgorithm.parse(Digests.DEFAULT_CHECKSUM);
    List<String> values = new ArrayList<>();
    for (Multipart.Part p : chosen) {
      String v = p.checksums().get(a.name());
      if (v == null) {
        return Map.of();
      }
      values.add(v);
    }
    return Map.of(a.name(), a.combine(values, chosen.stream().map(Multipart.Part::size).toList()));
  }

  /**
   * One file holding the parts' bytes in order, copied in the kernel; its CRC32C combined from the
   * parts'. Parts uploaded before parts were hashed whole are read and hashed instead.
   */
  StagedBlob assemble(Path dir, List<Multipart.Part> chosen, Map<String, String> checksums)
      throws IOException {
    if (chosen.stream().anyMatch(p -> p.sha256() == null || p.crc32c() == null)) {
      try (InputStream in = new PartsInputStream(dir, chosen)) {
        StagedBlob staged = store.stage(in, Set.of());
        return new StagedBlob(
            staged.file(),
            staged.size(),
            staged.md5(),
            staged.sha256(),
            staged.crc32c(),
            checksums);
      }
    }
    Path file = store.tmpDir().resolve("mpu-" + UUID.randomUUID());
    long size = 0;
    long crc = 0;
    boolean ok = false;
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (Multipart.Part p : chosen) {
        try (FileChannel in =
            FileChannel.open(dir.resolve(String.format("part-%05d.bin", p.number())))) {
          if (in.size() != p.size()) {
            throw new S3Exception(400, "InvalidPart", "Part " + p.number() + " is corrupt");
          }
          for (long done = 0; done < p.size(); ) {
            done += in.transferTo(done, p.size() - done, out);
          }
        }
        long partCrc = Long.parseLong(p.crc32c(), 16);
        crc = size == 0 ? partCrc : CrcCombine.CRC32C.combine(crc, partCrc, p.size());
        size += p.size();
      }
      ok = true;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
    String crcHex = size == 0 ? "00000000" : String.format("%08x", crc);
    return new StagedBlob(file, size, null, null, crcHex, checksums);
  }

  /** Concatenates part files, verifying each part's MD5 against its recorded ETag. */
  private static final class PartsInputStream extends InputStream {
    private final Path dir;
    private final List<Multipart.Part> parts;
    private int index = -1;
    private InputStream current;
    private MessageDigest md5;

    PartsInputStream(Path dir, List<Multipart.Part> parts) {
      this.dir = dir;
      this.parts = parts;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (true) {
        if (current == null) {
          if (++index >= parts.size()) {
            return -1;
          }
          current =
              Files.newInputStream(
                  dir.resolve(String.format("part-%05d.bin", parts.get(index).number())));
          md5 = Digests.newDigest("MD5");
        }
        int n = current.read(b, off, len);
        if (n >= 0) {
          md5.update(b, off, n);
          return n;
        }
        current.close();
        current = null;
        byte[] expected = HexFormat.of().parseHex(parts.get(index).etag());
        if (!Arrays.equals(expected, md5.digest())) {
          throw new S3Exception(
              400, "InvalidPart", "Part " + parts.get(index).number() + " is corrupt");
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
      }
    }
  }
}
