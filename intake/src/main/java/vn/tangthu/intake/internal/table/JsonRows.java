package vn.tangthu.intake.internal.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;

/**
 * {@code metadata.json}: an array of objects whose keys are the CSV's columns, streamed (Jackson,
 * with string, depth and document size constraints), one object at a time. Values may be strings,
 * numbers or booleans; {@code keywords} and {@code attachmentPaths} may also be arrays of strings.
 * An object with a value of another type, or the same key twice, is kept with a shape error so it
 * fails on its own; unknown keys are ignored with a warning.
 */
final class JsonRows {

  private JsonRows() {}

  static void read(
      InputStream source,
      String name,
      long maxBytes,
      int maxRowBytes,
      CsvRows.RowSink sink,
      Consumer<String> warnings)
      throws IOException, PackageException {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(maxRowBytes)
                    .maxNestingDepth(8)
                    .maxDocumentLength(maxBytes)
                    .build())
            .build();
    Set<String> warned = new HashSet<>();
    try (JsonParser p = factory.createParser(source)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw invalid(name + " must be a JSON array of objects, one per record");
      }
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String label = name + " item " + ++n;
        if (p.currentToken() != JsonToken.START_OBJECT) {
          p.skipChildren();
          sink.accept(new MetadataRow(label, label + " is not an object", Map.of(), List.of()));
          continue;
        }
        sink.accept(object(p, label, name, warned, warnings));
      }
    } catch (ChannelReadException e) {
      throw e;
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw invalid(name + " cannot be parsed" + at + ": " + e.getOriginalMessage());
    } catch (LimitedSource.TooLarge e) {
      throw new PackageException(PackageErrorCode.PACKAGE_TOO_LARGE, e.getMessage(), e);
    }
  }

  private static MetadataRow object(
      JsonParser p, String label, String name, Set<String> warned, Consumer<String> warnings)
      throws IOException {
    Map<MetadataField, String> values = new EnumMap<>(MetadataField.class);
    List<String> attachments = new ArrayList<>();
    Set<MetadataField> seen = new HashSet<>();
    String shape = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      MetadataField f = MetadataField.of(key);
      if (f == null) {
        if (warned.add(key)) {
          warnings.accept(name + ": key '" + key + "' is not a metadata field; it is ignored");
        }
        p.skipChildren();
        continue;
      }
      if (!seen.add(f)) {
        shape = shape != null ? shape : label + " has the key " + f.wire() + " twice";
        p.skipChildren();
        continue;
      }
      String problem = value(p, value, f, values, attachments);
      if (problem != null && shape == null) {
        shape = label + ": " + f.wire() + " " + problem;
      }
    }
    return new MetadataRow(label, shape, values, attachments);
  }

  /** Reads one value into the row; returns what is wrong with it, or {@code null}. */
  private static String value(
      JsonParser p,
      JsonToken token,
      MetadataField f,
      Map<MetadataField, String> values,
      List<String> attachments)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isScalarValue()) {
      String v = p.getText().strip();
      if (v.isEmpty()) {
        return null;
      }
      if (f == MetadataField.ATTACHMENT_PATHS) {
        for (String s : v.split(";")) {
          if (!s.isBlank()) {
            attachments.add(s.strip());
          }
        }
      } else {
        values.put(f, v);
      }
      return null;
    }
    boolean listed = f == MetadataField.KEYWORDS || f == MetadataField.ATTACHMENT_PATHS;
    if (token != JsonToken.START_ARRAY || !listed) {
      p.skipChildren();
      return listed ? "must be a string or an array of strings" : "must be a string";
    }
    List<String> items = new ArrayList<>();
    boolean strings = true;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_STRING) {
        strings = false;
        p.skipChildren();
      } else if (!p.getText().isBlank()) {
        items.add(p.getText().strip());
      }
    }
    if (!strings) {
      return "must be an array of strings";
    }
    if (f == MetadataField.ATTACHMENT_PATHS) {
      attachments.addAll(items);
    } else if (!items.isEmpty()) {
      values.put(f, String.join("; ", items));
    }
    return null;
  }

  private static PackageException invalid(String message) {
    return new PackageException(PackageErrorCode.INVALID_METADATA, message);
  }
}
