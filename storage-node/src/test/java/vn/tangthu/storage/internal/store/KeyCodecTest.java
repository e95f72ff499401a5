package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyCodecTest {
  private static final Path ROOT = Path.of("objects");

  @Test
  void mapsKeysAsTheReadmeShowsThem() {
    assertThat(KeyCodec.nodePath(ROOT, "a/b.pdf")).isEqualTo(ROOT.resolve("Da/Ob.pdf"));
    assertThat(KeyCodec.nodePath(ROOT, "../x")).isEqualTo(ROOT.resolve("D../Ox"));
    assertThat(KeyCodec.nodePath(ROOT, "Tàng Thư"))
        .isEqualTo(ROOT.resolve("OT%C3%A0ng%20Th%C6%B0"));
  }

  /** Long segments are cut into chunks of at most 180 encoded characters, never inside a %XX. */
  @ParameterizedTest
  @ValueSource(ints = {177, 178, 179, 180, 181, 400})
  void splitsLongSegmentsOnWholeEncodedBytes(int plain) {
    String key = "a".repeat(plain) + "é/" + "b".repeat(plain) + "~";
    assertThat(KeyCodec.nodePath(ROOT, key)).isEqualTo(reference(key));
  }

  /** The mapping as specified, one byte at a time. */
  private static Path reference(String key) {
    Path p = ROOT;
    String[] segments = key.split("/", -1);
    for (int s = 0; s < segments.length; s++) {
      StringBuilder name = new StringBuilder("C");
      for (byte b : segments[s].getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        String enc =
            Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '-' || c == '_'
                ? String.valueOf((char) c)
                : String.format("%%%02X", c);
        if (name.length() - 1 + enc.length() > KeyCodec.MAX_ENCODED) {
          p = p.resolve(name.toString());
          name = new StringBuilder("C");
        }
        name.append(enc);
      }
      name.setCharAt(0, s == segments.length - 1 ? 'O' : 'D');
      p = p.resolve(name.toString());
    }
    return p;
  }
}
