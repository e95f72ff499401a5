package vn.tangthu.intake.internal.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;

/**
 * {@code metadata.csv}: RFC 4180 (Apache Commons CSV), strict UTF-8 (a byte-order mark is
 * tolerated), the first record the header. Blank header cells are ignored, unknown columns ignored
 * with a warning, a repeated column refused; rows whose cells are all empty are skipped; a row with
 * a different number of cells than the header is kept with a shape error, so it fails on its own.
 */
final class CsvRows {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private CsvRows() {}

  static void read(InputStream source, String name, RowSink sink, Consumer<String> warnings)
      throws IOException, PackageException {
    Reader reader =
        new InputStreamReader(
            source,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw invalid(name + " is empty: its first row must be the header (path, subject, …)");
      }
      MetadataField[] columns = header(it.next(), name, warnings);
      while (it.hasNext()) {
        CSVRecord record = it.next();
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        sink.accept(row(record, columns, name));
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof ChannelReadException c) {
        throw c;
      }
      throw failure(name, e.getCause());
    } catch (ChannelReadException e) {
      throw e;
    } catch (IOException e) {
      throw failure(name, e);
    } catch (IllegalStateException e) {
      throw invalid(name + " cannot be parsed: " + e.getMessage());
    }
  }

  private static MetadataField[] header(CSVRecord header, String name, Consumer<String> warnings)
      throws PackageException {
    MetadataField[] columns = new MetadataField[header.size()];
    Map<MetadataField, Integer> seen = new EnumMap<>(MetadataField.class);
    for (int i = 0; i < header.size(); i++) {
      String cell = header.get(i).strip();
      if (cell.isEmpty()) {
        continue;
      }
      MetadataField f = MetadataField.of(cell);
      if (f == null) {
        warnings.accept(name + ": column '" + cell + "' is not a metadata field; it is ignored");
        continue;
      }
      if (seen.put(f, i) != null) {
        throw invalid(name + ": column " + f.wire() + " appears twice in the header");
      }
      columns[i] = f;
    }
    if (seen.isEmpty()) {
      throw invalid(
          name + ": the first row must be the header (path, subject, …); it names no known column");
    }
    return columns;
  }

  private static MetadataRow row(CSVRecord record, MetadataField[] columns, String name) {
    String label = name + " row " + record.getRecordNumber();
    String shape =
        record.size() == columns.length
            ? null
            : label + " has " + record.size() + " cells, the header has " + columns.length;
    Map<MetadataField, String> values = new EnumMap<>(MetadataField.class);
    List<String> attachments = new ArrayList<>();
    for (int i = 0; i < Math.min(record.size(), columns.length); i++) {
      String v = record.get(i).strip();
      if (columns[i] == null || v.isEmpty()) {
        continue;
      }
      if (columns[i] == MetadataField.ATTACHMENT_PATHS) {
        for (String p : v.split(";")) {
          if (!p.isBlank()) {
            attachments.add(p.strip());
          }
        }
      } else {
        values.put(columns[i], v);
      }
    }
    return new MetadataRow(label, shape, values, attachments);
  }

  private static PackageException failure(String name, Throwable cause) {
    if (cause instanceof LimitedSource.TooLarge t) {
      return new PackageException(
          t.wholeFile() ? PackageErrorCode.PACKAGE_TOO_LARGE : PackageErrorCode.INVALID_METADATA,
          t.getMessage(),
          t);
    }
    if (cause instanceof CharacterCodingException) {
      return invalid(name + " is not UTF-8 text (save it as CSV UTF-8)");
    }
    return invalid(name + " cannot be parsed: " + cause.getMessage());
  }

  private static PackageException invalid(String message) {
    return new PackageException(PackageErrorCode.INVALID_METADATA, message);
  }

  /** Receives rows in order. */
  @FunctionalInterface
  interface RowSink {
    void accept(MetadataRow row) throws IOException, PackageException;
  }
}
