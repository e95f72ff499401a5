package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPackageTest {

  @TempDir Path tmp;

  private Path folder() throws IOException {
    Path f = Files.createDirectory(tmp.resolve("ho-so"));
    Files.createDirectories(f.resolve("van-ban/2024"));
    Files.createDirectories(f.resolve("trống"));
    Files.writeString(f.resolve("metadata.csv"), "path,subject\nvan-ban/2024/Quyết định.txt,QĐ\n");
    Files.writeString(f.resolve("van-ban/2024/Quyết định.txt"), "Nội dung");
    Files.writeString(f.resolve("a.txt"), "a");
    return f;
  }

  private static List<String> names(byte[] tar) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarFile t = new TarFile(tar)) {
      for (TarArchiveEntry e : t.getEntries()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void packsRegularFilesByPathAndLeavesTheStreamOpen() throws Exception {
    Path folder = folder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FolderPackage.writeTar(folder, out);
    out.write(new byte[] {1});
    byte[] tar = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 1);
    assertThat(names(tar)).containsExactly("a.txt", "metadata.csv", "van-ban/2024/Quyết định.txt");
    try (Fixtures.Opened o = Fixtures.open(tmp, tar, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.TAR);
      ReadyItem row = (ReadyItem) o.reader().read(0);
      assertThat(row.path()).isEqualTo("van-ban/2024/Quyết định.txt");
      assertThat(Fixtures.text(row.file())).isEqualTo("Nội dung");
      assertThat(o.reader().read(1).path()).isEqualTo("a.txt");
    }
  }

  @Test
  void theSameFolderGivesTheSameBytes() throws Exception {
    Path folder = folder();
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    FolderPackage.writeTar(folder, first);
    FolderPackage.writeTar(folder, second);
    assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
  }

  @Test
  void aLinkIsRefusedNotFollowed() throws Exception {
    Path folder = folder();
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "bí mật", StandardCharsets.UTF_8);
    Files.createSymbolicLink(folder.resolve("van-ban/link.txt"), secret);
    assertThatThrownBy(() -> FolderPackage.writeTar(folder, new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("link.txt")
        .hasMessageContaining("link");
  }

  @Test
  void aFileIsNotAFolder() throws Exception {
    Path file = Files.writeString(tmp.resolve("x.xml"), "<x/>");
    assertThatThrownBy(() -> FolderPackage.writeTar(file, new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a folder");
  }
}
