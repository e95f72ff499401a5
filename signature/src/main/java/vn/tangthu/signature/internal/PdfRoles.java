package vn.tangthu.signature.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;

/** The role of indirect objects in one revision of a PDF: catalog, pages, form, DSS, etc. */
final class PdfRoles {
  private static final int MAX_NODES = 200_000;
  static final COSName DSS = COSName.getPDFName("DSS");

  COSObjectKey catalog;
  COSObjectKey info;
  COSDictionary catalogDict;
  final Set<COSObjectKey> pageTreeNodes = new HashSet<>();
  final Set<COSObjectKey> pages = new HashSet<>();
  final Set<COSObjectKey> annotArrays = new HashSet<>();
  final Set<COSObjectKey> contents = new HashSet<>();
  final Set<COSObjectKey> acroForm = new HashSet<>();
  final Set<COSObjectKey> fieldArrays = new HashSet<>();
  final Set<COSObjectKey> validationData = new HashSet<>();
  final Set<COSObjectKey> formResources = new HashSet<>();
  final Set<COSObjectKey> metadata = new HashSet<>();
  int pageCount;

  static PdfRoles of(COSDictionary trailer) {
    PdfRoles r = new PdfRoles();
    if (trailer.getItem(COSName.INFO) instanceof COSObject o) {
      r.info = CosCompare.key(o);
    }
    COSBase root = trailer.getItem(COSName.ROOT);
    if (root instanceof COSObject o) {
      r.catalog = CosCompare.key(o);
    }
    if (!(CosCompare.resolve(root) instanceof COSDictionary cat)) {
      return r;
    }
    r.catalogDict = cat;
    r.walkPages(cat.getItem(COSName.PAGES));
    r.reach(cat.getItem(DSS), r.validationData);
    r.reach(cat.getItem(COSName.METADATA), r.metadata);
    COSBase form = cat.getItem(COSName.ACRO_FORM);
    addKey(form, r.acroForm);
    if (CosCompare.resolve(form) instanceof COSDictionary f) {
      addKey(f.getItem(COSName.FIELDS), r.fieldArrays);
      r.reach(f.getItem(COSName.DR), r.formResources);
    }
    return r;
  }

  private static void addKey(COSBase b, Set<COSObjectKey> into) {
    if (b instanceof COSObject o) {
      into.add(CosCompare.key(o));
    }
  }

  private void walkPages(COSBase rootNode) {
    Deque<COSBase> todo = new ArrayDeque<>();
    todo.push(rootNode);
    Set<COSObjectKey> seen = new HashSet<>();
    int steps = 0;
    while (!todo.isEmpty() && steps++ < MAX_NODES) {
      COSBase node = todo.pop();
      if (node instanceof COSObject o && !seen.add(CosCompare.key(o))) {
        continue;
      }
      if (!(CosCompare.resolve(node) instanceof COSDictionary d)) {
        continue;
      }
      if (d.getItem(COSName.KIDS) != null) {
        addKey(node, pageTreeNodes);
        if (CosCompare.resolve(d.getItem(COSName.KIDS)) instanceof COSArray kids) {
          addKey(d.getItem(COSName.KIDS), pageTreeNodes);
          for (int i = kids.size() - 1; i >= 0; i--) {
            todo.push(kids.get(i));
          }
        }
      } else {
        pageCount++;
        addKey(node, pages);
        addKey(d.getItem(COSName.ANNOTS), annotArrays);
        COSBase c = d.getItem(COSName.CONTENTS);
        addKey(c, contents);
        if (CosCompare.resolve(c) instanceof COSArray parts) {
          for (int i = 0; i < parts.size(); i++) {
            addKey(parts.get(i), contents);
          }
        }
      }
    }
  }

  /** Adds every indirect object reachable from {@code start} (bounded). */
  void reach(COSBase start, Set<COSObjectKey> into) {
    Deque<COSBase> todo = new ArrayDeque<>();
    if (start != null) {
      todo.push(start);
    }
    int steps = 0;
    while (!todo.isEmpty() && steps++ < MAX_NODES) {
      COSBase b = todo.pop();
      if (b instanceof COSObject o) {
        if (!into.add(CosCompare.key(o))) {
          continue;
        }
        b = o.getObject();
      }
      if (b instanceof COSDictionary d) {
        for (COSName k : d.keySet()) {
          if (!COSName.PARENT.equals(k) && !COSName.P.equals(k)) {
            todo.push(d.getItem(k));
          }
        }
      } else if (b instanceof COSArray a) {
        for (int i = 0; i < a.size(); i++) {
          todo.push(a.get(i));
        }
      }
    }
  }
}
