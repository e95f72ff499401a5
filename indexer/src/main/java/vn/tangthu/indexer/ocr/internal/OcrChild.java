package vn.tangthu.indexer.ocr.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import vn.tangthu.child.ChildLoop;
import vn.tangthu.indexer.ocr.Cancellation;
import vn.tangthu.indexer.ocr.DocumentOcr;
import vn.tangthu.indexer.ocr.OcrDocument;
import vn.tangthu.indexer.ocr.Tesseract;

/**
 * Main class of an OCR child process: reads the page each request names with {@link DocumentOcr}
 * and the {@link Tesseract} engine configured by the greeting ({@link OcrProtocol}), served by
 * {@link ChildLoop}. The document last asked for stays open, so the pages of one document are not
 * parsed again for each page.
 */
public final class OcrChild {

  private OcrChild() {}

  public static void main(String[] args) throws IOException {
    ChildLoop.serve(
        greeting -> {
          var settings = OcrProtocol.readGreeting(greeting);
          Tesseract engine = new Tesseract(settings);
          DocumentOcr ocr = new DocumentOcr(engine, settings, Clock.systemUTC());
          OpenDocument open = new OpenDocument(ocr);
          return request -> OcrProtocol.answer(open.read(OcrProtocol.readRequest(request)));
        });
  }

  /** The document last asked for. */
  private static final class OpenDocument {
    private final DocumentOcr ocr;
    private Path path;
    private String mediaType;
    private OcrDocument document;

    OpenDocument(DocumentOcr ocr) {
      this.ocr = ocr;
    }

    OcrProtocol.PageAnswer read(OcrProtocol.PageRequest r) {
      if (document == null || !r.file().equals(path) || !r.mediaType().equals(mediaType)) {
        if (document != null) {
          document.close();
        }
        document = ocr.open(r.file(), r.mediaType());
        path = r.file();
        mediaType = r.mediaType();
      }
      if (document.failure() != null) {
        return new OcrProtocol.PageAnswer(document.failure(), null, 0, 0, document.engine());
      }
      long deadline = document.now() + Math.max(0, r.millisLeft());
      return new OcrProtocol.PageAnswer(
          null,
          document.page(r.page(), deadline, Cancellation.none()),
          document.pageCount(),
          document.examinedPages(),
          document.engine());
    }
  }
}
