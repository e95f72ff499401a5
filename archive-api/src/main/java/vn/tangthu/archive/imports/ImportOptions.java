package vn.tangthu.archive.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.intake.ImportDefaults;

/**
 * The {@code options} part of {@code POST /imports}: defaults for items that lack them. Read
 * strictly: one JSON object of at most 64 KiB whose members are among {@code agencyCode}, {@code
 * accessLevel}, {@code seriesCode}, {@code fileCode}, each a string (or null); anything else is 400
 * {@code INVALID_REQUEST}. The values themselves are checked on each item, by the same validation
 * as {@code POST /records}.
 */
record ImportOptions(String agencyCode, String accessLevel, String seriesCode, String fileCode) {

  static final ImportOptions NONE = new ImportOptions(null, null, null, null);

  private static final int MAX_BYTES = 64 * 1024;
  private static final Set<String> KEYS =
      Set.of("agencyCode", "accessLevel", "seriesCode", "fileCode");
  private static final Set<String> ACCESS_LEVELS = Set.of("PUBLIC", "INTERNAL", "RESTRICTED");

  ImportOptions {
    agencyCode = blankToNull(agencyCode);
    accessLevel = blankToNull(accessLevel);
    seriesCode = blankToNull(seriesCode);
    fileCode = blankToNull(fileCode);
    if (accessLevel != null && !ACCESS_LEVELS.contains(accessLevel)) {
      throw invalid("options.accessLevel must be PUBLIC, INTERNAL or RESTRICTED");
    }
  }

  static ImportOptions read(ObjectMapper json, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw invalid("options is larger than 64 KiB");
    }
    JsonNode tree;
    try {
      tree = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw invalid("options is not valid JSON: " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return NONE;
    }
    if (!tree.isObject()) {
      throw invalid("options must be a JSON object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!KEYS.contains(e.getKey())) {
        throw invalid(
            "options has an unknown member '"
                + e.getKey()
                + "': expected agencyCode, accessLevel, seriesCode, fileCode");
      }
      if (!e.getValue().isTextual() && !e.getValue().isNull()) {
        throw invalid("options." + e.getKey() + " must be a string");
      }
      values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
    }
    return new ImportOptions(
        values.get("agencyCode"),
        values.get("accessLevel"),
        values.get("seriesCode"),
        values.get("fileCode"));
  }

  /** The stored form: a JSON object of the members that have a value, in a fixed order. */
  String toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    if (agencyCode != null) {
      o.put("agencyCode", agencyCode);
    }
    if (accessLevel != null) {
      o.put("accessLevel", accessLevel);
    }
    if (seriesCode != null) {
      o.put("seriesCode", seriesCode);
    }
    if (fileCode != null) {
      o.put("fileCode", fileCode);
    }
    return o.toString();
  }

  /** The stored form back. */
  static ImportOptions fromJson(ObjectMapper json, String stored) {
    try {
      return read(
          json,
          new java.io.ByteArrayInputStream(
              stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("stored import options are not readable: " + stored, e);
    }
  }

  ImportDefaults defaults() {
    return new ImportDefaults(agencyCode, accessLevel, seriesCode, fileCode);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static ApiException invalid(String detail) {
    return ApiException.badRequest("INVALID_REQUEST", detail, detail).with("part", "options");
  }
}
