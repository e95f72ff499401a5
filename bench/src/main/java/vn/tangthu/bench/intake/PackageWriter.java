package vn.tangthu.bench.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.tangthu.bench.intake.SyntheticDocument.SyntheticFile;

/**
 * Writes the import packages of {@code POST /imports} from synthetic documents: one edXML message,
 * an edXML batch (zip, tar or tar.gz) of any size streamed message by message, a BagIt bag with
 * {@code metadata.csv}, and a zip or tar of files with {@code metadata.csv} or {@code
 * metadata.json}. Every item written is also described to an {@link Expectations} file, when one is
 * given. Not thread-safe.
 */
final class PackageWriter {

  /** Which edXML form messages use. */
  enum Forms {
    QCVN,
    ENVELOPE,
    MIXED
  }

  static final String CSV_HEADER =
      "path,agencyCode,subject,typeName,number,notation,issuedDate,issuer,docCode,keywords,"
          + "accessLevel,attachmentPaths";

  private final DocumentFactory factory;
  private final SplittableRandom style;
  private final Expectations expect;
  private int serial;

  /**
   * @param serial the first document's serial: documents of one run share none (their {@code
   *     DocumentId}s differ)
   */
  PackageWriter(DocumentFactory factory, long seed, Expectations expect, int serial) {
    this.factory = factory;
    this.style = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.expect = expect;
    this.serial = serial;
  }

  /** One edXML message; {@code files} forces the number of files (0: random). */
  void message(Path out, Forms forms, boolean bare, int files) throws IOException {
    SyntheticDocument d = next(files);
    EdxmlWriter.Style s = new EdxmlWriter.Style(envelope(forms), bare);
    try (OutputStream o = Files.newOutputStream(out)) {
      EdxmlWriter.write(d, s, o);
    }
    String name = out.getFileName().toString();
    describeMessage(name, 0, name, d);
  }

  /**
   * An edXML batch of {@code n} messages, named {@code folder} + serial + {@code .xml} ({@code
   * folder} is {@code ""} or ends with a slash).
   */
  void batch(Path out, ArchiveSink.Kind kind, int n, Forms forms, String folder)
      throws IOException {
    String name = out.getFileName().toString();
    try (ArchiveSink sink = ArchiveSink.open(out, kind)) {
      for (int i = 0; i < n; i++) {
        SyntheticDocument d = next(0);
        EdxmlWriter.Style s = new EdxmlWriter.Style(envelope(forms), style.nextInt(4) == 0);
        String entry = folder + String.format("%06d.xml", d.serial() + 1);
        sink.add(entry, EdxmlWriter.bytes(d, s));
        describeMessage(name, i, entry, d);
      }
    }
  }

  /**
   * A BagIt bag (sha256 and sha512 manifests, a tag manifest, Payload-Oxum) of {@code n} documents
   * under {@code top}, with {@code metadata.csv} as a tag file or in {@code data/}. Only digests
   * are kept while the payload is written.
   */
  void bag(Path out, ArchiveSink.Kind kind, int n, String top, boolean metadataInData)
      throws IOException {
    String name = out.getFileName().toString();
    BagTags tags = new BagTags();
    List<String> rows = new ArrayList<>();
    try (ArchiveSink sink = ArchiveSink.open(out, kind)) {
      for (int i = 0; i < n; i++) {
        SyntheticDocument d = next(0);
        String dir = String.format("%04d/", d.serial() + 1);
        List<String> paths = new ArrayList<>();
        for (SyntheticFile f : d.files()) {
          tags.payload("data/" + dir + f.name(), f.bytes());
          sink.add(top + "data/" + dir + f.name(), f.bytes());
          paths.add(dir + f.name());
        }
        rows.add(row(d, paths));
        describeFiles(name, i, top + "data/" + paths.get(0), d);
      }
      byte[] csv = csv(rows);
      if (metadataInData) {
        tags.payload("data/metadata.csv", csv);
        sink.add(top + "data/metadata.csv", csv);
      }
      Map<String, byte[]> extra = metadataInData ? Map.of() : Map.of("metadata.csv", csv);
      for (Map.Entry<String, byte[]> t : tags.tagFiles(extra).entrySet()) {
        sink.add(top + t.getKey(), t.getValue());
      }
    }
  }

  /**
   * {@code n} documents as files under {@code top} with {@code metadata.csv} (UTF-8 with a
   * byte-order mark, as spreadsheet programs write it) or {@code metadata.json}, plus one file no
   * row names.
   */
  void files(Path out, ArchiveSink.Kind kind, int n, String top, boolean json) throws IOException {
    String name = out.getFileName().toString();
    List<String> rows = new ArrayList<>();
    List<Map<String, Object>> objects = new ArrayList<>();
    try (ArchiveSink sink = ArchiveSink.open(out, kind)) {
      for (int i = 0; i < n; i++) {
        SyntheticDocument d = next(0);
        List<String> paths = new ArrayList<>();
        for (int f = 0; f < d.files().size(); f++) {
          SyntheticFile file = d.files().get(f);
          String path =
              (f == 0 ? "van-ban/" : "phu-luc/")
                  + String.format("%04d/", d.serial() + 1)
                  + file.name();
          sink.add(top + path, file.bytes());
          paths.add(path);
        }
        rows.add(row(d, paths));
        objects.add(object(d, paths));
        describeFiles(name, i, top + paths.get(0), d);
      }
      byte[] note =
          "Ghi chú: tệp không có dòng nào trong bảng kê.\n".getBytes(StandardCharsets.UTF_8);
      sink.add(top + "ghi-chu.txt", note);
      if (expect != null) {
        expect.item(
            name,
            n,
            top + "ghi-chu.txt",
            Map.of("subject", "ghi-chu.txt"),
            "IMPORT",
            List.of(new AbstractMap.SimpleEntry<>("ghi-chu.txt", note)));
      }
      if (json) {
        sink.add(
            top + "metadata.json",
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(objects));
      } else {
        byte[] csv = csv(rows);
        byte[] withBom = new byte[csv.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(csv, 0, withBom, 3, csv.length);
        sink.add(top + "metadata.csv", withBom);
      }
    }
  }

  private SyntheticDocument next(int files) throws IOException {
    return factory.next(serial++, files);
  }

  private boolean envelope(Forms forms) {
    return switch (forms) {
      case QCVN -> false;
      case ENVELOPE -> true;
      case MIXED -> style.nextBoolean();
    };
  }

  /** The archive's agency code for the document's sender. */
  static String agencyCode(SyntheticDocument.Agency a) {
    return switch (a.organId()) {
      case "000.00.00.H06" -> "BN";
      case "000.01.30.H06" -> "BN-TPBN";
      case "000.02.31.H06" -> "BN-TXTS";
      default -> "BN-" + a.code().replace("Đ", "D");
    };
  }

  private static Map<String, String> fields(SyntheticDocument d) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("agencyCode", agencyCode(d.sender()));
    m.put("subject", d.subject());
    m.put("typeName", d.type().name());
    m.put("number", d.number());
    m.put("notation", d.notation());
    m.put("issuedDate", d.issued().toString());
    m.put("issuer", d.sender().name());
    m.put("docCode", d.documentId());
    m.put(
        "keywords", d.type().name().toLowerCase(java.util.Locale.ROOT) + "; " + d.sender().place());
    m.put("accessLevel", "INTERNAL");
    return m;
  }

  private static String row(SyntheticDocument d, List<String> paths) {
    Map<String, String> m = fields(d);
    List<String> cells = new ArrayList<>();
    cells.add(paths.get(0));
    for (String k : List.of("agencyCode", "subject", "typeName", "number", "notation")) {
      cells.add(m.get(k));
    }
    cells.add(
        d.issued()
            .format(
                DateTimeFormatter.ofPattern(d.serial() % 2 == 0 ? "yyyy-MM-dd" : "dd/MM/yyyy")));
    for (String k : List.of("issuer", "docCode", "keywords", "accessLevel")) {
      cells.add(m.get(k));
    }
    cells.add(String.join(";", paths.subList(1, paths.size())));
    return String.join(",", cells.stream().map(PackageWriter::csvCell).toList());
  }

  private static Map<String, Object> object(SyntheticDocument d, List<String> paths) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("path", paths.get(0));
    o.putAll(fields(d));
    o.put(
        "keywords",
        List.of(d.type().name().toLowerCase(java.util.Locale.ROOT), d.sender().place()));
    o.put("attachmentPaths", paths.subList(1, paths.size()));
    return o;
  }

  private static byte[] csv(List<String> rows) {
    return (CSV_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String csvCell(String v) {
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private void describeMessage(String sample, int index, String path, SyntheticDocument d)
      throws IOException {
    if (expect != null) {
      expect.item(
          sample,
          index,
          path,
          Expectations.edxml(d),
          "EDXML," + d.documentId() + "," + d.sender().organId(),
          files(d));
    }
  }

  private void describeFiles(String sample, int index, String path, SyntheticDocument d)
      throws IOException {
    if (expect != null) {
      expect.item(sample, index, path, fields(d), "IMPORT", files(d));
    }
  }

  private static List<Map.Entry<String, byte[]>> files(SyntheticDocument d) {
    return d.files().stream()
        .map(f -> (Map.Entry<String, byte[]>) new AbstractMap.SimpleEntry<>(f.name(), f.bytes()))
        .toList();
  }
}
