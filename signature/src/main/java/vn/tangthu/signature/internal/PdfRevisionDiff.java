package vn.tangthu.signature.internal;

import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import vn.tangthu.signature.ChangesAfter;

/**
 * Classifies what an incremental update changed between two revisions of a PDF: only signatures,
 * document timestamps and validation data ({@code ALLOWED}), or anything else ({@code DISALLOWED}).
 */
final class PdfRevisionDiff {
  private static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");
  private static final COSName OBJ_STM = COSName.getPDFName("ObjStm");
  private static final COSName LOCK = COSName.getPDFName("Lock");
  private static final COSName SV = COSName.getPDFName("SV");
  private static final COSName MK = COSName.getPDFName("MK");
  private static final Set<COSName> CATALOG_ALLOWED =
      Set.of(
          PdfRoles.DSS,
          COSName.ACRO_FORM,
          COSName.METADATA,
          COSName.PERMS,
          COSName.getPDFName("Extensions"),
          COSName.VERSION);
  private static final Set<COSName> FORM_ALLOWED =
      Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR, COSName.DA, COSName.NEED_APPEARANCES);
  private static final Set<COSName> SIG_FIELD_ALLOWED =
      Set.of(COSName.V, COSName.AP, COSName.AS, LOCK, SV, COSName.F, COSName.P, MK, COSName.DA);
  private static final Set<COSName> WIDGET_ALLOWED =
      Set.of(COSName.AP, COSName.AS, COSName.F, COSName.P, MK);

  /**
   * The classification and, when disallowed, the most specific reason found ({@code rank} 0 is the
   * most specific).
   */
  record Diff(ChangesAfter changes, Text why, int rank) {
    Diff(ChangesAfter changes, Text why) {
      this(changes, why, 9);
    }
  }

  private final COSDocument older;
  private final COSDocument newer;
  private final PdfRoles oldRoles;
  private final PdfRoles newRoles;

  PdfRevisionDiff(COSDocument older, COSDocument newer) {
    this.older = older;
    this.newer = newer;
    this.oldRoles = PdfRoles.of(older.getTrailer());
    this.newRoles = PdfRoles.of(newer.getTrailer());
  }

  Diff diff() {
    if (oldRoles.pageCount != newRoles.pageCount) {
      return disallowed(
          0,
          new Text(
              "Pages were added or removed after signing ("
                  + oldRoles.pageCount
                  + " pages when signed, "
                  + newRoles.pageCount
                  + " now).",
              "Trang đã bị thêm hoặc xoá sau khi ký (lúc ký có "
                  + oldRoles.pageCount
                  + " trang, nay có "
                  + newRoles.pageCount
                  + " trang)."));
    }
    if (oldRoles.catalogDict != null
        && newRoles.catalogDict != null
        && (oldRoles.catalog == null || !oldRoles.catalog.equals(newRoles.catalog))
        && !catalogChangeAllowed(oldRoles.catalogDict, newRoles.catalogDict)) {
      return objectsChanged();
    }
    Map<COSObjectKey, Long> oldXref = older.getXrefTable();
    Map<COSObjectKey, Long> newXref = newer.getXrefTable();
    Diff worst = null;
    for (Map.Entry<COSObjectKey, Long> e : oldXref.entrySet()) {
      COSObjectKey key = e.getKey();
      Long newOffset = newXref.get(key);
      if (newOffset != null && unchangedOnDisk(key, e.getValue(), newOffset, oldXref, newXref)) {
        continue;
      }
      COSBase a = older.getObjectFromPool(key).getObject();
      COSBase b = newOffset == null ? null : newer.getObjectFromPool(key).getObject();
      if (CosCompare.equivalent(a, b) || structural(a) || structural(b)) {
        continue;
      }
      Diff d = classify(key, a, b);
      if (d != null && (worst == null || d.rank() < worst.rank())) {
        worst = d;
      }
    }
    if (worst != null) {
      return worst;
    }
    return new Diff(
        ChangesAfter.ALLOWED,
        new Text(
            "Later updates only add signatures, timestamps or validation data.",
            "Các lần cập nhật sau chỉ thêm chữ ký, dấu thời gian hoặc dữ liệu xác thực."));
  }

  /** Same offset for a plain object, or same object stream at the same offset. */
  private static boolean unchangedOnDisk(
      COSObjectKey key,
      long oldOffset,
      long newOffset,
      Map<COSObjectKey, Long> oldXref,
      Map<COSObjectKey, Long> newXref) {
    if (oldOffset != newOffset) {
      return false;
    }
    if (oldOffset >= 0) {
      return true;
    }
    COSObjectKey stream = new COSObjectKey(-oldOffset, 0);
    Long o = oldXref.get(stream);
    return o != null && o.equals(newXref.get(stream));
  }

  private static boolean structural(COSBase b) {
    return b instanceof COSDictionary d
        && (OBJ_STM.equals(d.getCOSName(COSName.TYPE))
            || COSName.XREF.equals(d.getCOSName(COSName.TYPE)));
  }

  /** Null when the change is allowed, else the reason it is not. */
  private Diff classify(COSObjectKey key, COSBase a, COSBase b) {
    if (key.equals(oldRoles.info)
        || key.equals(newRoles.info)
        || newRoles.metadata.contains(key)
        || newRoles.validationData.contains(key)
        || newRoles.formResources.contains(key)) {
      return null;
    }
    if (a instanceof COSDictionary da && isSignatureValue(da)) {
      return disallowed(
          0,
          new Text(
              "An existing signature was altered after signing.",
              "Một chữ ký đã có bị sửa đổi sau khi ký."));
    }
    if (b == null) {
      return objectsChanged();
    }
    if (oldRoles.contents.contains(key) || newRoles.contents.contains(key)) {
      return contentChanged();
    }
    if (!(a instanceof COSDictionary da) || !(b instanceof COSDictionary db)) {
      if (a instanceof COSArray aa && b instanceof COSArray ab) {
        if (newRoles.annotArrays.contains(key)) {
          return onlyAddsSignatures(aa, ab) ? null : annotationsChanged();
        }
        if (newRoles.fieldArrays.contains(key) && onlyAddsSignatures(aa, ab)) {
          return null;
        }
      }
      return objectsChanged();
    }
    Set<COSName> changed = CosCompare.changedKeys(da, db);
    if (key.equals(oldRoles.catalog) || key.equals(newRoles.catalog)) {
      return catalogChangeAllowed(da, db) ? null : objectsChanged();
    }
    if (newRoles.acroForm.contains(key)) {
      return formChangeAllowed(da, db) ? null : objectsChanged();
    }
    if (oldRoles.pages.contains(key) || newRoles.pages.contains(key)) {
      if (pageChangeAllowed(da, db, changed)) {
        return null;
      }
      return Set.of(COSName.ANNOTS).containsAll(changed) ? annotationsChanged() : contentChanged();
    }
    if (isSignatureField(da)) {
      return da.getItem(COSName.V) == null && SIG_FIELD_ALLOWED.containsAll(changed)
          ? null
          : disallowed(
              3,
              new Text(
                  "An existing signature field was altered after signing.",
                  "Một ô chữ ký đã có bị sửa đổi sau khi ký."));
    }
    if (isSignatureWidget(da) && WIDGET_ALLOWED.containsAll(changed)) {
      return null;
    }
    return objectsChanged();
  }

  private boolean catalogChangeAllowed(COSDictionary a, COSDictionary b) {
    Set<COSName> changed = CosCompare.changedKeys(a, b);
    if (!CATALOG_ALLOWED.containsAll(changed)) {
      return false;
    }
    if (changed.contains(COSName.ACRO_FORM)
        && a.getItem(COSName.ACRO_FORM) instanceof COSDictionary fa
        && b.getItem(COSName.ACRO_FORM) instanceof COSDictionary fb) {
      return formChangeAllowed(fa, fb);
    }
    return true;
  }

  private boolean formChangeAllowed(COSDictionary a, COSDictionary b) {
    Set<COSName> changed = CosCompare.changedKeys(a, b);
    if (!FORM_ALLOWED.containsAll(changed)) {
      return false;
    }
    if (changed.contains(COSName.FIELDS)
        && a.getItem(COSName.FIELDS) instanceof COSArray fa
        && b.getItem(COSName.FIELDS) instanceof COSArray fb) {
      return onlyAddsSignatures(fa, fb);
    }
    return true;
  }

  private boolean pageChangeAllowed(COSDictionary a, COSDictionary b, Set<COSName> changed) {
    if (!Set.of(COSName.ANNOTS).containsAll(changed)) {
      return false;
    }
    COSBase oldAnnots = CosCompare.resolve(a.getItem(COSName.ANNOTS));
    COSBase newAnnots = CosCompare.resolve(b.getItem(COSName.ANNOTS));
    COSArray before = oldAnnots instanceof COSArray x ? x : new COSArray();
    return newAnnots instanceof COSArray after && onlyAddsSignatures(before, after);
  }

  /** Every old element is still there, and every new one is a signature field or widget. */
  private static boolean onlyAddsSignatures(COSArray before, COSArray after) {
    for (int i = 0; i < before.size(); i++) {
      if (!contains(after, before.get(i))) {
        return false;
      }
    }
    for (int i = 0; i < after.size(); i++) {
      COSBase item = after.get(i);
      if (contains(before, item)) {
        continue;
      }
      if (!(CosCompare.resolve(item) instanceof COSDictionary d)
          || !(isSignatureField(d) || isSignatureWidget(d))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(COSArray array, COSBase item) {
    for (int i = 0; i < array.size(); i++) {
      if (CosCompare.same(array.get(i), item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSignatureValue(COSDictionary d) {
    COSName type = d.getCOSName(COSName.TYPE);
    return COSName.SIG.equals(type) || DOC_TIME_STAMP.equals(type);
  }

  static boolean isSignatureField(COSDictionary d) {
    return COSName.SIG.equals(d.getCOSName(COSName.FT));
  }

  private static boolean isSignatureWidget(COSDictionary d) {
    if (!COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))) {
      return false;
    }
    if (isSignatureField(d)) {
      return true;
    }
    COSBase parent = d.getItem(COSName.PARENT);
    return CosCompare.resolve(parent) instanceof COSDictionary p
        && !(parent instanceof COSObject po && po.isObjectNull())
        && isSignatureField(p);
  }

  private static Diff contentChanged() {
    return disallowed(
        1,
        new Text(
            "The page content was changed after signing.",
            "Nội dung trang đã bị thay đổi sau khi ký."));
  }

  private static Diff annotationsChanged() {
    return disallowed(
        2,
        new Text(
            "Comments, stamps or other annotations were added to or removed from a page after"
                + " signing.",
            "Ghi chú, con dấu hoặc chú thích khác đã được thêm vào hoặc xoá khỏi trang sau khi"
                + " ký."));
  }

  private static Diff objectsChanged() {
    return disallowed(
        4,
        new Text(
            "Parts of the document were replaced or removed after signing.",
            "Một số thành phần của tài liệu đã bị thay thế hoặc xoá sau khi ký."));
  }

  private static Diff disallowed(int rank, Text why) {
    return new Diff(ChangesAfter.DISALLOWED, why, rank);
  }
}
