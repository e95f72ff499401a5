package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Walks object node directories in unsigned UTF-8 byte order of their keys, lazily: a directory is
 * read only when the walk reaches it. Children of one directory are ordered by a lower bound of
 * their keys and merged through a small priority queue, which keeps the order exact even where the
 * ranges of a prefix directory and a long-segment chunk overlap.
 */
final class KeyWalker {

  /** One object node: its key bytes and directory. */
  record Node(byte[] key, Path dir) {}

  private interface Source {
    /** Current key or null when exhausted. */
    byte[] peek();

    Node take();

    /** Drops every key below {@code lower}. */
    void skipTo(byte[] lower);
  }

  private final byte[] prefix;
  private final Source root;

  /**
   * @param objectsRoot the bucket's objects directory
   * @param prefix only keys starting with these bytes
   * @param from only keys {@code >= from} (null for all)
   */
  KeyWalker(Path objectsRoot, byte[] prefix, byte[] from) {
    this.prefix = prefix;
    byte[] lower = from == null || compare(from, prefix) < 0 ? prefix : from;
    this.root = new DirSource(objectsRoot, new byte[0], lower, prefix);
  }

  /**
   * Continues the walk at the first key {@code >= lower} without re-reading the directories already
   * read (used to jump over a common prefix).
   */
  void skipTo(byte[] lower) {
    root.skipTo(compare(lower, prefix) < 0 ? prefix : lower);
  }

  /** Next node or null when the walk is done. */
  Node next() {
    Node n = root.take();
    if (n == null || !startsWith(n.key(), prefix)) {
      return null;
    }
    return n;
  }

  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  static boolean startsWith(byte[] a, byte[] p) {
    return a.length >= p.length && Arrays.equals(a, 0, p.length, p, 0, p.length);
  }

  /** Smallest byte string greater than every string starting with {@code p}, or null if none. */
  static byte[] successor(byte[] p) {
    for (int i = p.length - 1; i >= 0; i--) {
      if ((p[i] & 0xff) != 0xff) {
        byte[] s = Arrays.copyOf(p, i + 1);
        s[i]++;
        return s;
      }
    }
    return null;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private record Child(byte[] bound, boolean exact, Path path, char type) {}

  private static final class LeafSource implements Source {
    private Node node;

    LeafSource(Node node) {
      this.node = node;
    }

    @Override
    public byte[] peek() {
      return node == null ? null : node.key();
    }

    @Override
    public Node take() {
      Node n = node;
      node = null;
      return n;
    }

    @Override
    public void skipTo(byte[] lower) {
      if (node != null && compare(node.key(), lower) < 0) {
        node = null;
      }
    }
  }

  private static final class DirSource implements Source {
    private byte[] lower;
    private final byte[] prefix;
    private final List<Child> children;
    private final PriorityQueue<Source> open =
        new PriorityQueue<>(Comparator.comparing(Source::peek, KeyWalker::compare));
    private int next;

    DirSource(Path dir, byte[] dirKey, byte[] lower, byte[] prefix) {
      this.lower = lower;
      this.prefix = prefix;
      this.children = readChildren(dir, dirKey);
    }

    private List<Child> readChildren(Path dir, byte[] dirKey) {
      List<Child> result = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          String name = p.getFileName().toString();
          char type = name.isEmpty() ? '?' : name.charAt(0);
          if (type != 'O' && type != 'D' && type != 'C') {
            continue;
          }
          byte[] seg = KeyCodec.decodeName(name);
          if (seg == null) {
            continue;
          }
          byte[] bound = concat(dirKey, seg);
          if (type == 'D') {
            bound = concat(bound, new byte[] {KeyCodec.SLASH});
          }
          if (relevant(bound, type == 'O')) {
            result.add(new Child(bound, type == 'O', p, type));
          }
        }
      } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
        return result;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      result.sort(Comparator.comparing(Child::bound, KeyWalker::compare));
      return result;
    }

    /** Whether a child whose keys all start with {@code p} (or equal it) can match. */
    private boolean relevant(byte[] p, boolean exact) {
      if (exact) {
        return compare(p, lower) >= 0 && startsWith(p, prefix);
      }
      if (!startsWith(p, prefix) && !startsWith(prefix, p)) {
        return false;
      }
      byte[] succ = successor(p);
      return succ == null || compare(succ, lower) > 0;
    }

    @Override
    public byte[] peek() {
      fill();
      Source s = open.peek();
      return s == null ? null : s.peek();
    }

    @Override
    public Node take() {
      fill();
      Source s = open.poll();
      if (s == null) {
        return null;
      }
      Node n = s.take();
      if (s.peek() != null) {
        open.add(s);
      }
      return n;
    }

    @Override
    public void skipTo(byte[] newLower) {
      lower = newLower;
      List<Source> keep = new ArrayList<>(open);
      open.clear();
      for (Source s : keep) {
        s.skipTo(newLower);
        if (s.peek() != null) {
          open.add(s);
        }
      }
    }

    private void fill() {
      while (next < children.size()) {
        Source head = open.peek();
        Child c = children.get(next);
        if (head != null && compare(c.bound(), head.peek()) > 0) {
          return;
        }
        next++;
        if (!relevant(c.bound(), c.exact())) {
          continue;
        }
        Source s =
            c.exact()
                ? new LeafSource(new Node(c.bound(), c.path()))
                : new DirSource(c.path(), c.bound(), lower, prefix);
        if (s.peek() != null) {
          open.add(s);
        }
      }
    }
  }
}
