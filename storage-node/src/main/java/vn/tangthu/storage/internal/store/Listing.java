package vn.tangthu.storage.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Key-ordered listings of current objects and of all versions, streaming over the tree. */
public final class Listing {
  private final DiskStore store;

  public Listing(DiskStore store) {
    this.store = store;
  }

  /** One page of a listing. */
  public record Page(
      List<ObjectMeta> objects,
      List<String> prefixes,
      boolean truncated,
      String lastEntry,
      boolean lastIsPrefix) {}

  /** One page of a versions listing; {@code lastVersionId} null when the last entry is a prefix. */
  public record VersionPage(
      List<ObjectMeta> versions,
      List<String> prefixes,
      boolean truncated,
      String lastKey,
      String lastVersionId) {}

  /**
   * Lists current (non delete-marker) objects.
   *
   * @param after exclusive lower bound key (null for none)
   * @param afterIsPrefix whether {@code after} is a common prefix to skip entirely
   */
  public Page list(
      String bucket,
      String prefix,
      String delimiter,
      String after,
      boolean afterIsPrefix,
      int maxKeys) {
    if (maxKeys == 0) {
      return new Page(List.of(), List.of(), false, null, false);
    }
    byte[] p = bytes(prefix);
    byte[] d = delimiter == null || delimiter.isEmpty() ? null : bytes(delimiter);
    byte[] from = startFrom(after, afterIsPrefix);
    List<ObjectMeta> objects = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    KeyWalker w = new KeyWalker(store.objectsDir(bucket), p, from);
    String last = null;
    boolean lastIsPrefix = false;
    for (KeyWalker.Node n = w.next(); n != null; n = w.next()) {
      List<ObjectMeta> versions = store.readVersions(n.dir());
      if (versions.isEmpty() || versions.get(0).deleteMarker()) {
        continue;
      }
      byte[] cp = commonPrefix(n.key(), p, d);
      if (cp != null && after != null && KeyWalker.compare(cp, bytes(after)) <= 0) {
        byte[] past = KeyWalker.successor(cp);
        if (past == null) {
          break;
        }
        w.skipTo(past);
        continue;
      }
      if (objects.size() + prefixes.size() >= maxKeys) {
        return new Page(objects, prefixes, true, last, lastIsPrefix);
      }
      if (cp != null) {
        last = new String(cp, StandardCharsets.UTF_8);
        lastIsPrefix = true;
        prefixes.add(last);
        byte[] succ = KeyWalker.successor(cp);
        if (succ == null) {
          break;
        }
        w.skipTo(succ);
      } else {
        objects.add(versions.get(0));
        last = versions.get(0).key();
        lastIsPrefix = false;
      }
    }
    return new Page(objects, prefixes, false, last, lastIsPrefix);
  }

  /** Lists every version (newest first within a key), keys in order. */
  public VersionPage listVersions(
      String bucket,
      String prefix,
      String delimiter,
      String keyMarker,
      String versionIdMarker,
      int maxKeys) {
    byte[] p = bytes(prefix);
    byte[] d = delimiter == null || delimiter.isEmpty() ? null : bytes(delimiter);
    byte[] from = null;
    boolean resumeInKey =
        keyMarker != null && versionIdMarker != null && !versionIdMarker.isEmpty();
    if (keyMarker != null) {
      from = resumeInKey ? bytes(keyMarker) : startFrom(keyMarker, false);
    }
    List<ObjectMeta> out = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    KeyWalker w = new KeyWalker(store.objectsDir(bucket), p, from);
    String lastKey = null;
    String lastVid = null;
    for (KeyWalker.Node n = w.next(); n != null; n = w.next()) {
      List<ObjectMeta> versions = store.readVersions(n.dir());
      if (versions.isEmpty()) {
        continue;
      }
      byte[] cp = commonPrefix(n.key(), p, d);
      if (cp != null) {
        if (keyMarker != null && KeyWalker.compare(cp, bytes(keyMarker)) <= 0) {
          byte[] past = KeyWalker.successor(cp);
          if (past == null) {
            break;
          }
          w.skipTo(past);
          continue;
        }
        if (out.size() + prefixes.size() >= maxKeys) {
          return new VersionPage(out, prefixes, true, lastKey, lastVid);
        }
        lastKey = new String(cp, StandardCharsets.UTF_8);
        lastVid = null;
        prefixes.add(lastKey);
        byte[] succ = KeyWalker.successor(cp);
        if (succ == null) {
          break;
        }
        w.skipTo(succ);
        continue;
      }
      boolean skipping = resumeInKey && Arrays.equals(n.key(), bytes(keyMarker));
      for (ObjectMeta v : versions) {
        if (skipping) {
          if (v.versionId().equals(versionIdMarker)) {
            skipping = false;
          }
          continue;
        }
        if (out.size() + prefixes.size() >= maxKeys) {
          return new VersionPage(out, prefixes, true, lastKey, lastVid);
        }
        out.add(v);
        lastKey = v.key();
        lastVid = v.versionId();
      }
    }
    return new VersionPage(out, prefixes, false, lastKey, lastVid);
  }

  private static byte[] startFrom(String after, boolean afterIsPrefix) {
    if (after == null) {
      return null;
    }
    byte[] a = bytes(after);
    if (afterIsPrefix) {
      return KeyWalker.successor(a);
    }
    return Arrays.copyOf(a, a.length + 1);
  }

  private static byte[] commonPrefix(byte[] key, byte[] prefix, byte[] delim) {
    if (delim == null) {
      return null;
    }
    outer:
    for (int i = prefix.length; i + delim.length <= key.length; i++) {
      for (int j = 0; j < delim.length; j++) {
        if (key[i + j] != delim[j]) {
          continue outer;
        }
      }
      return Arrays.copyOf(key, i + delim.length);
    }
    return null;
  }

  static byte[] bytes(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }
}
