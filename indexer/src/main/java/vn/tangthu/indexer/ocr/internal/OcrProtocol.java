package vn.tangthu.indexer.ocr.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tangthu.child.Messages;
import vn.tangthu.indexer.ocr.EngineStatus;
import vn.tangthu.indexer.ocr.OcrFailure;
import vn.tangthu.indexer.ocr.OcrPage;
import vn.tangthu.indexer.ocr.OcrResult;
import vn.tangthu.indexer.ocr.OcrSettings;

/**
 * The messages between {@link vn.tangthu.indexer.ocr.ForkedDocumentOcr} and {@link OcrChild}: the
 * greeting carries the settings; each request asks for one page of one document (path, media type,
 * page number, milliseconds left to the document); each answer is either the page, with the
 * document's page count and the engine's status, or why the document could not be opened.
 */
public final class OcrProtocol {

  /** The largest answer: a page's text is far below this. */
  public static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

  private static final int MAX_DETAIL = 10_000;

  private OcrProtocol() {}

  /** A request for one page. */
  public record PageRequest(Path file, String mediaType, int page, long millisLeft) {}

  /**
   * An answer: {@code failure} (the document could not be opened) or {@code page} with the
   * document's {@code pageCount} and {@code examined} pages; {@code engine} in both.
   */
  public record PageAnswer(
      OcrResult failure, OcrPage page, int pageCount, int examined, EngineStatus engine) {}

  public static byte[] greeting(OcrSettings s) {
    return Messages.encode(
        out -> {
          out.writeUTF(s.tesseractPath().toString());
          out.writeUTF(String.join(",", s.languages()));
          out.writeInt(s.pageSegmentation());
          out.writeInt(s.renderDpi());
          out.writeLong(s.maxPixelsPerPage());
          out.writeInt(s.maxPages());
          out.writeLong(s.pageTimeout().toMillis());
          out.writeLong(s.documentTimeout().toMillis());
          out.writeInt(s.engineThreads());
          out.writeInt(s.engineOptions().size());
          for (Map.Entry<String, String> e : s.engineOptions().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
          }
          out.writeBoolean(s.deskew());
        });
  }

  static OcrSettings readGreeting(byte[] greeting) throws IOException {
    DataInputStream in = Messages.decode(greeting);
    Path path = Path.of(in.readUTF());
    List<String> languages = Arrays.asList(in.readUTF().split(","));
    int psm = in.readInt();
    int dpi = in.readInt();
    long pixels = in.readLong();
    int pages = in.readInt();
    Duration pageTimeout = Duration.ofMillis(in.readLong());
    Duration documentTimeout = Duration.ofMillis(in.readLong());
    int threads = in.readInt();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      options.put(in.readUTF(), in.readUTF());
    }
    boolean deskew = in.readBoolean();
    return new OcrSettings(
        path,
        languages,
        psm,
        dpi,
        pixels,
        pages,
        pageTimeout,
        documentTimeout,
        threads,
        options,
        deskew);
  }

  public static byte[] request(PageRequest r) {
    return Messages.encode(
        out -> {
          out.writeUTF(r.file().toAbsolutePath().toString());
          out.writeUTF(r.mediaType());
          out.writeInt(r.page());
          out.writeLong(r.millisLeft());
        });
  }

  static PageRequest readRequest(byte[] request) throws IOException {
    DataInputStream in = Messages.decode(request);
    return new PageRequest(Path.of(in.readUTF()), in.readUTF(), in.readInt(), in.readLong());
  }

  static byte[] answer(PageAnswer a) {
    return Messages.encode(
        out -> {
          writeEngine(out, a.engine());
          out.writeBoolean(a.failure() == null);
          if (a.failure() != null) {
            out.writeUTF(a.failure().failure().name());
            Messages.writeNullable(out, cut(a.failure().detail()));
            return;
          }
          out.writeInt(a.pageCount());
          out.writeInt(a.examined());
          OcrPage p = a.page();
          out.writeInt(p.number());
          out.writeUTF(p.kind().name());
          byte[] text = p.text().getBytes(StandardCharsets.UTF_8);
          out.writeInt(text.length);
          out.write(text);
          out.writeDouble(p.confidence());
          Messages.writeNullable(out, p.failure() == null ? null : p.failure().name());
          Messages.writeNullable(out, cut(p.detail()));
          out.writeLong(p.elapsed().toNanos());
        });
  }

  public static PageAnswer readAnswer(byte[] answer) throws IOException {
    DataInputStream in = Messages.decode(answer);
    EngineStatus engine = readEngine(in);
    if (!in.readBoolean()) {
      OcrFailure failure = OcrFailure.valueOf(in.readUTF());
      String detail = Messages.readNullable(in);
      OcrResult result =
          new OcrResult(OcrResult.Status.FAILED, failure, detail, 0, List.of(), engine);
      return new PageAnswer(result, null, 0, 0, engine);
    }
    int pageCount = in.readInt();
    int examined = in.readInt();
    int number = in.readInt();
    OcrPage.Kind kind = OcrPage.Kind.valueOf(in.readUTF());
    byte[] text = new byte[in.readInt()];
    in.readFully(text);
    double confidence = in.readDouble();
    String failure = Messages.readNullable(in);
    String detail = Messages.readNullable(in);
    Duration elapsed = Duration.ofNanos(in.readLong());
    OcrPage page =
        new OcrPage(
            number,
            kind,
            new String(text, StandardCharsets.UTF_8),
            confidence,
            failure == null ? null : OcrFailure.valueOf(failure),
            detail,
            elapsed);
    return new PageAnswer(null, page, pageCount, examined, engine);
  }

  private static void writeEngine(DataOutputStream out, EngineStatus e) throws IOException {
    out.writeBoolean(e.available());
    out.writeUTF(e.engine());
    out.writeUTF(String.join(",", e.languages()));
    Messages.writeNullable(out, cut(e.reason()));
  }

  private static EngineStatus readEngine(DataInputStream in) throws IOException {
    boolean available = in.readBoolean();
    String engine = in.readUTF();
    String languages = in.readUTF();
    String reason = Messages.readNullable(in);
    List<String> list =
        languages.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(languages.split(",")));
    return new EngineStatus(available, engine, list, reason);
  }

  private static String cut(String s) {
    return s == null || s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
  }
}
