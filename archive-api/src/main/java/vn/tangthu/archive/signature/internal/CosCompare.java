package vn.tangthu.archive.signature.internal;

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

/** Structural comparison of PDF objects, references compared by object number, bounded depth. */
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

  static boolean same(COSBase a, COSBase b) {
    return same(a, b, 0);
  }

  private static boolean same(COSBase a, COSBase b, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof COSObject oa) {
      return b instanceof COSObject ob && key(oa).equals(key(ob));
    }
    if (a instanceof COSStream sa) {
      return b instanceof COSStream sb && sameDict(sa, sb, depth) && sameBytes(raw(sa), raw(sb));
    }
    if (a instanceof COSDictionary da) {
      return b instanceof COSDictionary db && !(b instanceof COSStream) && sameDict(da, db, depth);
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

  private static boolean sameDict(COSDictionary a, COSDictionary b, int depth) {
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

  /** Keys whose values differ between two dictionaries (present in one only, or different). */
  static Set<COSName> changedKeys(COSDictionary a, COSDictionary b) {
    Set<COSName> all = new HashSet<>(a.keySet());
    all.addAll(b.keySet());
    Set<COSName> changed = new HashSet<>();
    for (COSName k : all) {
      if (!same(a.getItem(k), b.getItem(k), 1)) {
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
