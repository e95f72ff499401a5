package vn.tangthu.bench.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the import reader must make of every generated item, one tab-separated line per item: {@code
 * sample, index, path, metadata, source, files}. Metadata is the {@code POST /records} fields that
 * have a value, in the contract's order, as {@code key=value} joined by {@code " | "}; files are
 * {@code name:sha256} joined by {@code ";"}, the record's file first. The test of the reader
 * renders what it reads the same way ({@link #render}) and compares the lines.
 */
final class Expectations implements Closeable {

  /** The fields of {@code POST /records} metadata, in order. */
  static final List<String> FIELDS =
      List.of(
          "agencyCode",
          "subject",
          "typeName",
          "number",
          "notation",
          "issuedDate",
          "issuer",
          "fileCode",
          "docCode",
          "language",
          "accessLevel",
          "confidence",
          "keywords",
          "description",
          "seriesCode",
          "workEndDate");

  private final Writer out;

  Expectations(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write("# sample\tindex\tpath\tmetadata\tsource\tfiles\n");
  }

  void item(
      String sample,
      int index,
      String path,
      Map<String, String> metadata,
      String source,
      List<Map.Entry<String, byte[]>> files)
      throws IOException {
    String fileList =
        files.stream()
            .map(f -> f.getKey() + ":" + sha256(f.getValue()))
            .collect(Collectors.joining(";"));
    out.write(
        String.join(
            "\t", sample, Integer.toString(index), path, render(metadata), source, fileList));
    out.write('\n');
  }

  /** {@code key=value | …} over {@link #FIELDS}, values escaped ({@code \\ \n \t |}). */
  static String render(Map<String, String> metadata) {
    return FIELDS.stream()
        .filter(k -> metadata.get(k) != null)
        .map(k -> k + "=" + escape(metadata.get(k)))
        .collect(Collectors.joining(" | "));
  }

  static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("|", "\\|");
  }

  /** The metadata an edXML message maps to, as the contract says. */
  static Map<String, String> edxml(SyntheticDocument d) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("subject", d.subject());
    m.put("typeName", d.type().name());
    m.put("number", d.number());
    m.put("notation", d.notation());
    m.put("issuedDate", d.issued().toString());
    m.put("issuer", d.sender().name());
    m.put("docCode", d.documentId());
    m.put("language", "vi");
    m.put("confidence", "ORIGINAL_ELECTRONIC");
    SyntheticDocument.Signer s = d.signer();
    String signer =
        (s.competence() == null ? "" : s.competence() + ", ") + s.position() + ", " + s.fullName();
    m.put("description", "Người ký: " + signer + "\nNơi ban hành: " + d.sender().place());
    return m;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
