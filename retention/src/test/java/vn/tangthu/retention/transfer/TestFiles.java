package vn.tangthu.retention.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import vn.tangthu.retention.transfer.internal.Hashing;

/** Test helpers: the shared corpus, records over real files, tar extraction. */
final class TestFiles {
  private TestFiles() {}

  static Path corpus() {
    for (Path start :
        List.of(Path.of(System.getProperty("tangthu.root", ".")), Path.of("").toAbsolutePath())) {
      for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
        Path c = p.resolve("../shared/corpus").normalize();
        if (Files.isDirectory(c)) {
          return c;
        }
      }
    }
    throw new IllegalStateException("no ../shared/corpus found");
  }

  static String sha256(Path file) throws IOException {
    var digest = Hashing.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static TransferRecord record(String id, Path file, String mediaType, List<ExtraFile> extras)
      throws IOException {
    return new TransferRecord(
        id,
        Optional.empty(),
        file.getFileName().toString(),
        mediaType,
        Files.size(file),
        sha256(file),
        Instant.parse("2020-03-02T03:04:05Z"),
        "Quyết định về việc ban hành quy chế " + id,
        Optional.of("Quyết định"),
        Optional.of("12/QĐ-UBND"),
        Optional.of(LocalDate.of(2020, 3, 1)),
        Optional.of("UBND tỉnh Bắc Ninh"),
        Optional.of(3),
        "VALID",
        () -> Files.newInputStream(file),
        extras);
  }

  static TransferRecord bytesRecord(String id, String fileName, byte[] bytes) {
    return new TransferRecord(
        id,
        Optional.empty(),
        fileName,
        "text/plain",
        bytes.length,
        Hashing.sha256Hex(bytes),
        Instant.parse("2021-01-01T00:00:00Z"),
        "Công văn " + id,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "NOT_SIGNED",
        () -> new ByteArrayInputStream(bytes),
        List.of());
  }

  static TransferDossier dossier(UUID id, String fileCode, List<TransferRecord> records) {
    return new TransferDossier(
        id,
        fileCode,
        "Hồ sơ ban hành quy chế làm việc năm 2020",
        "SO-NV",
        "Sở Nội vụ tỉnh Bắc Ninh",
        "TC-DIEULE",
        "20y",
        "Thông tư 10/2022/TT-BNV",
        Optional.of(LocalDate.of(2020, 1, 5)),
        Optional.of(LocalDate.of(2020, 12, 20)),
        "vi",
        "INTERNAL",
        Optional.of("Tờ trình, dự thảo, quyết định ban hành & phụ lục <kèm theo>"),
        records);
  }

  /** Extracts a tar into {@code dir}, refusing entries that escape it. */
  static void untar(byte[] tar, Path dir) throws IOException {
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new ByteArrayInputStream(tar), "UTF-8")) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("entry escapes: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }
}
