package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.tangthu.signature.ChangesAfter;
import vn.tangthu.signature.SignatureCheck;

/**
 * What the incremental updates after each signed revision of a PDF changed ({@link PdfRevisionDiff}
 * between consecutive signed revisions), computed once, on first use. A revision over 64 MiB is
 * copied to a temporary file, deleted when the diffs are done. One verification's; not thread-safe.
 */
final class PdfRevisionChanges {
  private static final long IN_MEMORY_REVISION = 64L * 1024 * 1024;

  private final Path pdf;
  private final long size;
  private final List<Long> boundaries;
  private List<PdfRevisionDiff.Diff> diffs;
  private final List<Path> temps = new ArrayList<>();

  PdfRevisionChanges(Path pdf, long size, List<PdfSignatureFields.Field> found) {
    this.pdf = pdf;
    this.size = size;
    Set<Long> ends = new TreeSet<>();
    for (PdfSignatureFields.Field f : found) {
      if (f.end() > 0 && f.end() < size) {
        ends.add(f.end());
      }
    }
    ends.add(size);
    this.boundaries = new ArrayList<>(ends);
  }

  /**
   * {@code c} with what the updates after the revision ending at {@code end} changed: the first
   * disallowed change, else the last allowed one.
   */
  SignatureCheck apply(SignatureCheck c, long end) {
    int from = boundaries.indexOf(end);
    if (from < 0) {
      return c.withChangesAfter(
          ChangesAfter.DISALLOWED,
          "It cannot be determined which version of the document was signed.",
          "Không xác định được phiên bản tài liệu đã được ký.");
    }
    List<PdfRevisionDiff.Diff> all = diffs();
    PdfRevisionDiff.Diff worst = null;
    for (int i = from; i < all.size(); i++) {
      PdfRevisionDiff.Diff d = all.get(i);
      if (worst == null || d.changes() == ChangesAfter.DISALLOWED) {
        worst = d;
      }
      if (d.changes() == ChangesAfter.DISALLOWED) {
        break;
      }
    }
    if (worst == null) {
      return c;
    }
    return c.withChangesAfter(worst.changes(), worst.why().en(), worst.why().vi());
  }

  private List<PdfRevisionDiff.Diff> diffs() {
    if (diffs != null) {
      return diffs;
    }
    diffs = new ArrayList<>();
    PDDocument previous = null;
    try {
      previous = load(boundaries.get(0));
      for (int i = 1; i < boundaries.size(); i++) {
        PDDocument next = load(boundaries.get(i));
        diffs.add(diffOrUnreadable(previous, next));
        close(previous);
        previous = next;
      }
    } catch (IOException | RuntimeException e) {
      while (diffs.size() < boundaries.size() - 1) {
        diffs.add(unreadable());
      }
    } finally {
      close(previous);
      for (Path t : temps) {
        try {
          Files.deleteIfExists(t);
        } catch (IOException e) {
          // best effort: a temporary copy of a revision
        }
      }
    }
    return Collections.unmodifiableList(diffs);
  }

  private static PdfRevisionDiff.Diff diffOrUnreadable(PDDocument a, PDDocument b) {
    if (a == null || b == null) {
      return unreadable();
    }
    try {
      return new PdfRevisionDiff(a.getDocument(), b.getDocument()).diff();
    } catch (RuntimeException e) {
      return unreadable();
    }
  }

  private static PdfRevisionDiff.Diff unreadable() {
    return new PdfRevisionDiff.Diff(
        ChangesAfter.DISALLOWED,
        new Text(
            "The later changes to the document could not be analysed.",
            "Không phân tích được các thay đổi sau khi ký."));
  }

  private PDDocument load(long end) throws IOException {
    if (end == size) {
      return loadOrNull(new RandomAccessReadBufferedFile(pdf.toFile()), null);
    }
    if (end <= IN_MEMORY_REVISION) {
      return loadOrNull(new RandomAccessReadBuffer(RangeContent.readAt(pdf, 0, (int) end)), null);
    }
    Path copy = Files.createTempFile("revision", ".pdf");
    try (InputStream in = new RangeContent(pdf, 0, end, end, 0).open()) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    temps.add(copy);
    return loadOrNull(new RandomAccessReadBufferedFile(copy.toFile()), copy);
  }

  /** Loads a revision; null when it is not a readable PDF on its own. */
  private static PDDocument loadOrNull(RandomAccessRead source, Path deleteOnClose)
      throws IOException {
    try {
      PDDocument doc = Loader.loadPDF(source);
      return doc;
    } catch (IOException e) {
      source.close();
      if (deleteOnClose != null) {
        Files.deleteIfExists(deleteOnClose);
      }
      return null;
    }
  }

  private static void close(PDDocument d) {
    if (d != null) {
      try {
        d.close();
      } catch (IOException e) {
        // nothing to do: read-only
      }
    }
  }
}
