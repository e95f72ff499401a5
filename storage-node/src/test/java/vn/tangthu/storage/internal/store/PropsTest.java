package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        " leading space",
        "a=b:c#d!e",
        "tab\tnew\nline\rform\f",
        "back\\slash",
        "tiếng Việt/hồ sơ ✓ 𝄞",
        "\u0001control\u007f",
        "trailing space ",
        ""
      })
  void serializesLikePropertiesStoreAndReadsBack(String text) throws IOException {
    Map<String, String> values = new TreeMap<>();
    values.put("key", text);
    values.put(text.isEmpty() ? "empty" : "k " + text, "v " + text);
    byte[] ours = Props.serialize(values, "object version");

    StringBuilder expected = new StringBuilder("# object version\n");
    for (var e : values.entrySet()) {
      Properties one = new Properties();
      one.setProperty(e.getKey(), e.getValue());
      StringWriter w = new StringWriter();
      one.store(w, null);
      expected.append(w.toString().substring(w.toString().indexOf('\n') + 1));
    }
    assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(expected.toString());

    Path f = dir.resolve("s.meta");
    Files.write(f, ours);
    assertThat(Props.read(f)).isEqualTo(values);
    // what the node writes is read without java.util.Properties, to the same values
    assertThat(Props.parseSimple(new String(ours, StandardCharsets.UTF_8))).isEqualTo(values);
  }

  /** Files an operator edited by hand are read exactly as {@link Properties#load} reads them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=1\nb=2\n",
        "a = 1\n",
        "a:1\n",
        "a 1\n",
        "  a=1\n",
        "a=  1\n",
        "a=1 \\\n   2\n",
        "a=\\u00e0\n",
        "a=1\r\nb=2\r\n",
        "# c\rb=2\n",
        "  # indented comment\na=1\n",
        "! bang comment\na=1\n",
        "a\n",
        "=v\n",
        "a=1\na=2\n",
        "a=x\\\\\n",
        "a=\\ lead\n",
        "k\\=ey=v=w:z\n",
        "\n\n",
        "a=1",
        "a=\\"
      })
  void readsHandEditedFilesAsPropertiesLoadDoes(String text) throws IOException {
    Properties p = new Properties();
    p.load(new java.io.StringReader(text));
    Map<String, String> expected = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> expected.put(k, p.getProperty(k)));
    Path f = dir.resolve("edited.meta");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    assertThat(Props.read(f)).isEqualTo(expected);
  }
}
