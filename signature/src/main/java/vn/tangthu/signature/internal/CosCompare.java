package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * Structural comparison of PDF objects across two revisions, bounded in depth and work. {@link
 * #same} compares references by object number; {@link #equivalent} follows references whose numbers
 * differ and compares their content.
 */
final class CosCompare {
  private static final int MAX_DEPTH = 64;
  private static final long MAX_STREAM = 64L * 1024 * 1024;

  private CosCompare() {}

  static COSObjectKey key(COSObject o) {
    return new COSObjectKey(o.getObjectNumber(), o.getGenerationNumber());
  }

  /** Resolves an indirect reference, or returns the value itself. */
  static COSBase resolve(COSBase b) {
    return b instanceof COSObject o ? o.getObject() : b;
  }

  /** Same value, references compared by object number only. */
  static boolean same(COSBase a, COSBase b) {
    return new CosCompare.Walk(false).same(a, b, 0);
  }

  /**
   * Same value, where references to different object numbers are compared by their content (an
   * object rewritten under a new number is not a change). Bounded: gives up (false) after {@value
   * #MAX_VISITS} comparisons.
   */
  static boolean equivalent(COSBase a, COSBase b) {
    return new CosCompare.Walk(true).same(a, b, 0);
  }

  private static final int MAX_VISITS = 20_000;

  /** One comparison, with its own budget. */
  private static final class Walk {
    private final boolean followReferences;
    private int visits;

    Walk(boolean followReferences) {
      this.followReferences = followReferences;
    }

    boolean same(COSBase a, COSBase b, int depth) {
      if (depth > MAX_DEPTH || ++visits > MAX_VISITS) {
        return false;
      }
      if (a == null || b == null) {
        return a == b;
      }
      if (a instanceof COSObject oa) {
        if (!(b instanceof COSObject ob)) {
          return false;
        }
        if (key(oa).equals(key(ob))) {
          return true;
        }
        return followReferences && same(oa.getObject(), ob.getObject(), depth + 1);
      }
      if (a instanceof COSStream sa) {
        return b instanceof COSStream sb && sameDict(sa, sb, depth) && sameBytes(raw(sa), raw(sb));
      }
      if (a instanceof COSDictionary da) {
        return b instanceof COSDictionary db
            && !(b instanceof COSStream)
            && sameDict(da, db, depth);
      }
      if (a instanceof COSArray aa) {
        if (!(b instanceof COSArray ab) || aa.size() != ab.size()) {
          return false;
        }
        for (int i = 0; i < aa.size(); i++) {
          if (!same(aa.get(i), ab.get(i), depth + 1)) {
            return false;
          }
        }
        return true;
      }
      if (a instanceof COSString s) {
        return b instanceof COSString t && Arrays.equals(s.getBytes(), t.getBytes());
      }
      return a.equals(b);
    }

    private boolean sameDict(COSDictionary a, COSDictionary b, int depth) {
      if (!a.keySet().equals(b.keySet())) {
        return false;
      }
      for (COSName k : a.keySet()) {
        if (!same(a.getItem(k), b.getItem(k), depth + 1)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Keys whose values differ between two dictionaries (present in one only, or different). */
  static Set<COSName> changedKeys(COSDictionary a, COSDictionary b) {
    Set<COSName> all = new HashSet<>(a.keySet());
    all.addAll(b.keySet());
    Set<COSName> changed = new HashSet<>();
    for (COSName k : all) {
      if (!equivalent(a.getItem(k), b.getItem(k))) {
        changed.add(k);
      }
    }
    return changed;
  }

  private static boolean sameBytes(byte[] a, byte[] b) {
    return a != null && b != null && Arrays.equals(a, b);
  }

  private static byte[] raw(COSStream s) {
    try (InputStream in = s.createRawInputStream()) {
      return in.readNBytes((int) Math.min(MAX_STREAM, Integer.MAX_VALUE - 16));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
