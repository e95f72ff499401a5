package vn.tangthu.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An item as one line of {@code samples/expected.tsv} ({@code index, path, metadata, source,
 * files}), the format the benchmark's package generator writes: metadata as the {@code POST
 * /records} fields that have a value, in the contract's order, {@code key=value} joined by {@code "
 * | "} (values escaped: {@code \\ \n \t |}); source {@code IMPORT} or {@code
 * EDXML,documentId,fromOrganId}; files {@code name:sha256} joined by {@code ;}, the record's file
 * first. A failed item is {@code index, path, FAILED code}.
 */
final class ItemLines {

  private ItemLines() {}

  static String line(IntakeItem item) throws IOException {
    if (item instanceof FailedItem f) {
      return item.index() + "\t" + item.path() + "\tFAILED " + f.error().code();
    }
    ReadyItem r = (ReadyItem) item;
    ItemSource s = r.metadata().source();
    String source =
        s.kind() == SourceKind.IMPORT
            ? "IMPORT"
            : "EDXML," + s.edxmlDocumentId() + "," + s.fromOrganId();
    List<ItemFile> files = new ArrayList<>();
    files.add(r.file());
    files.addAll(r.attachments());
    List<String> rendered = new ArrayList<>();
    for (ItemFile f : files) {
      rendered.add(f.name() + ":" + sha256(f));
    }
    return String.join(
        "\t",
        Integer.toString(r.index()),
        r.path(),
        metadata(r.metadata()),
        source,
        String.join(";", rendered));
  }

  static String metadata(ItemMetadata m) {
    return m.toRecordFields().entrySet().stream()
        .map(e -> e.getKey() + "=" + escape(String.valueOf(e.getValue())))
        .collect(Collectors.joining(" | "));
  }

  /** The lines of {@code expected.tsv} for {@code sample}, without the sample column. */
  static List<String> expected(List<String> tsv, String sample) {
    return tsv.stream()
        .filter(l -> l.startsWith(sample + "\t"))
        .map(l -> l.substring(sample.length() + 1))
        .toList();
  }

  static String sha256(ItemFile file) throws IOException {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(file.open(), d)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("|", "\\|");
  }
}
