package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys map to contained paths and walk back in unsigned UTF-8 order, including chunked segments.
 */
class KeyWalkerTest {
  @TempDir Path root;

  private static int byBytes(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> walk(String prefix, String from) {
    List<String> out = new ArrayList<>();
    KeyWalker w =
        new KeyWalker(
            root,
            prefix.getBytes(StandardCharsets.UTF_8),
            from == null ? null : from.getBytes(StandardCharsets.UTF_8));
    for (KeyWalker.Node n = w.next(); n != null; n = w.next()) {
      out.add(new String(n.key(), StandardCharsets.UTF_8));
      assertThat(n.dir()).isEqualTo(KeyCodec.nodePath(root, out.get(out.size() - 1)));
    }
    return out;
  }

  @Test
  void randomKeysIncludingLongSegmentsComeBackSortedAndContained() throws Exception {
    Random r = new Random(42);
    String alphabet = "ab/.-%!~ ü中";
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(10) == 0 ? 150 + r.nextInt(300) : 1 + r.nextInt(8);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      keys.add(sb.toString());
    }
    keys.add("a".repeat(180));
    keys.add("a".repeat(180) + "/x");
    keys.add("a".repeat(181));
    keys.add("a".repeat(180) + "!");
    List<String> unique = keys.stream().distinct().sorted(KeyWalkerTest::byBytes).toList();
    for (String k : unique) {
      Path p = KeyCodec.nodePath(root, k);
      assertThat(p.normalize().startsWith(root)).isTrue();
      for (Path part : root.relativize(p)) {
        assertThat(part.toString().length()).isLessThanOrEqualTo(KeyCodec.MAX_ENCODED + 1);
      }
      Files.createDirectories(p);
    }
    assertThat(walk("", null)).isEqualTo(unique);
    String from = unique.get(unique.size() / 2);
    assertThat(walk("", from)).isEqualTo(unique.subList(unique.size() / 2, unique.size()));
    assertThat(walk("a", null)).isEqualTo(unique.stream().filter(k -> k.startsWith("a")).toList());
    // skipping over prefixes mid-walk gives the same as starting there
    KeyWalker w = new KeyWalker(root, new byte[0], null);
    List<String> skipped = new ArrayList<>();
    for (KeyWalker.Node n = w.next(); n != null; n = w.next()) {
      String k = new String(n.key(), StandardCharsets.UTF_8);
      skipped.add(k);
      int slash = k.indexOf('/');
      if (slash >= 0) {
        w.skipTo(KeyWalker.successor(k.substring(0, slash + 1).getBytes(StandardCharsets.UTF_8)));
      }
    }
    List<String> expected = new ArrayList<>();
    String lastPrefix = null;
    for (String k : unique) {
      int slash = k.indexOf('/');
      String cp = slash >= 0 ? k.substring(0, slash + 1) : null;
      if (cp != null && cp.equals(lastPrefix)) {
        continue;
      }
      expected.add(k);
      lastPrefix = cp;
    }
    assertThat(skipped).isEqualTo(expected);
  }
}
