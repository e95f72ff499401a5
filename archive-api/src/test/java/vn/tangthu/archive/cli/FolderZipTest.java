package vn.tangthu.archive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.intake.FolderPackage;

/** The import command sends a folder as {@link FolderPackage#writeZip}. */
class FolderZipTest {

  @TempDir Path tmp;

  @Test
  void aFolderBecomesAZipOfItsFilesInPathOrderWrittenToAStreamThatCannotSeek() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("ho-so"));
    Files.createDirectories(folder.resolve("van-ban/2024"));
    Files.createDirectories(folder.resolve("trống"));
    Files.writeString(folder.resolve("metadata.csv"), "path,subject\n");
    Files.writeString(folder.resolve("van-ban/2024/quyết định.txt"), "Quyết định số 1");
    Files.write(folder.resolve("van-ban/a.bin"), new byte[300_000]);
    Path zip = tmp.resolve("out.zip");
    try (OutputStream out = new NoSeek(Files.newOutputStream(zip))) {
      FolderPackage.writeZip(folder, out);
      out.write("tail".getBytes(StandardCharsets.US_ASCII)); // the stream stays open
    }
    byte[] bytes = Files.readAllBytes(zip);
    Path onlyZip = tmp.resolve("only.zip");
    Files.write(onlyZip, java.util.Arrays.copyOf(bytes, bytes.length - 4));
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipFile z = ZipFile.builder().setPath(onlyZip).get()) {
      for (ZipArchiveEntry e : Collections.list(z.getEntriesInPhysicalOrder())) {
        byte[] content = z.getInputStream(e).readAllBytes();
        entries.put(
            e.getName(),
            content.length > 100
                ? content.length + " bytes"
                : new String(content, StandardCharsets.UTF_8));
      }
    }
    assertThat(new ArrayList<>(entries.keySet()))
        .containsExactly("metadata.csv", "van-ban/2024/quyết định.txt", "van-ban/a.bin");
    assertThat(entries.get("van-ban/2024/quyết định.txt")).isEqualTo("Quyết định số 1");
    assertThat(entries.get("van-ban/a.bin")).isEqualTo("300000 bytes");
  }

  @Test
  void aLinkIsRefusedRatherThanFollowed() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("links"));
    Files.writeString(tmp.resolve("secret.txt"), "bí mật");
    Files.createSymbolicLink(folder.resolve("secret.txt"), tmp.resolve("secret.txt"));
    assertThatThrownBy(() -> FolderPackage.files(folder)).hasMessageContaining("is a link");
    assertThatThrownBy(() -> FolderPackage.files(tmp.resolve("secret.txt")))
        .hasMessageContaining("is not a folder");
  }

  /** An output stream with no position to go back to, like an HTTP request body. */
  private static final class NoSeek extends OutputStream {
    private final OutputStream out;

    NoSeek(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
