package vn.tangthu.archive.record;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.Dates;
import vn.tangthu.archive.input.StrictJson;

/**
 * Reads the parts of a multipart upload: the {@code metadata} part strictly (UTF-8, one JSON
 * object, each field validated, dates within {@link Dates}' document range), then the files spooled
 * to {@code tmp} while hashed. Every refusal is a 4xx before anything is stored; the metadata is
 * checked (and the caller's right to store it) before any file is spooled. Thread-safe.
 */
final class UploadReader {

  private static final long MAX_METADATA_BYTES = 256 * 1024;
  private static final long MAX_SIGNATURE_BYTES = 16L * 1024 * 1024;
  static final int MAX_ATTACHMENTS = 100;

  private final ObjectMapper json;
  private final StrictJson strict;
  private final Dates dates;
  private final Path tmp;
  private final long maxFileBytes;

  UploadReader(ObjectMapper json, Dates dates, Path tmp, long maxFileBytes) {
    this.json = json;
    this.strict = new StrictJson(json);
    this.dates = dates;
    this.tmp = tmp;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * The parts of {@code request}; {@code check} sees the metadata before any file is read. The
   * caller closes the result (which deletes the spooled files).
   */
  UploadParts read(HttpServletRequest request, Consumer<RecordMetadata> check) throws IOException {
    UploadParts parts = new UploadParts();
    try {
      JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
      upload.setHeaderCharset(StandardCharsets.UTF_8);
      upload.setFileCountMax(MAX_ATTACHMENTS + 3);
      FileItemInputIterator it = upload.getItemIterator(request);
      while (it.hasNext()) {
        accept(it.next(), parts, check);
      }
      if (parts.metadata == null) {
        throw RecordMetadata.invalid("", "part is missing", "bị thiếu");
      }
      if (parts.file == null) {
        throw ApiException.badRequest(
            "MISSING_FILE", "The file part is missing.", "Thiếu phần file (tệp văn bản).");
      }
      return parts;
    } catch (FileUploadException e) {
      parts.close();
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The multipart body is malformed: " + e.getMessage(),
          "Nội dung multipart không hợp lệ: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      parts.close();
      throw e;
    }
  }

  private void accept(FileItemInput item, UploadParts parts, Consumer<RecordMetadata> check)
      throws IOException {
    String name = item.getFieldName();
    try (InputStream in = item.getInputStream()) {
      switch (name == null ? "" : name) {
        case "metadata" -> {
          once(parts.metadata, name);
          parts.metadata = metadata(in);
          check.accept(parts.metadata);
        }
        case "file" -> {
          once(parts.file, name);
          parts.file = SpooledFile.spool(in, fileName(item, name), tmp, maxFileBytes);
        }
        case "signature" -> {
          once(parts.signature, name);
          parts.signature = SpooledFile.spool(in, fileName(item, name), tmp, MAX_SIGNATURE_BYTES);
        }
        case "attachment" -> {
          if (parts.attachments.size() >= MAX_ATTACHMENTS) {
            throw ApiException.badRequest(
                "INVALID_REQUEST",
                "At most " + MAX_ATTACHMENTS + " attachments per record.",
                "Tối đa " + MAX_ATTACHMENTS + " phụ lục cho một văn bản.");
          }
          parts.attachments.add(SpooledFile.spool(in, fileName(item, name), tmp, maxFileBytes));
        }
        default -> {
          String shown = StrictJson.unstorable(String.valueOf(name)) ? "?" : name;
          throw ApiException.badRequest(
                  "INVALID_REQUEST",
                  "Unknown part '" + shown + "': expected metadata, file, signature, attachment.",
                  "Phần '"
                      + shown
                      + "' không hợp lệ: chỉ nhận metadata, file, signature, attachment.")
              .with("part", shown);
        }
      }
    }
  }

  private static String fileName(FileItemInput item, String part) {
    return PartFileName.of(item, part);
  }

  private static void once(Object existing, String name) {
    if (existing != null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The part '" + name + "' may appear only once.",
          "Phần '" + name + "' chỉ được gửi một lần.");
    }
  }

  /** The {@code metadata} part: read strictly, each field validated (400 INVALID_METADATA). */
  RecordMetadata metadata(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_METADATA_BYTES + 1);
    if (bytes.length > MAX_METADATA_BYTES) {
      throw RecordMetadata.invalid("", "is larger than 256 KiB", "lớn hơn 256 KiB");
    }
    JsonNode tree;
    try {
      tree = strict.readTree(bytes);
    } catch (StrictJson.Malformed e) {
      throw RecordMetadata.invalid(e.field() == null ? "" : e.field(), e.reasonEn(), e.reasonVi());
    }
    if (!tree.isObject()) {
      throw RecordMetadata.invalid("", "must be a JSON object", "phải là đối tượng JSON");
    }
    RecordMetadata m = bind(tree);
    documentDate("issuedDate", m.issuedDate());
    documentDate("workEndDate", m.workEndDate());
    return m;
  }

  private RecordMetadata bind(JsonNode tree) {
    try {
      return json.treeToValue(tree, RecordMetadata.class);
    } catch (JsonMappingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ApiException api) {
          throw api;
        }
      }
      String field = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(0).getFieldName());
      if (e instanceof MismatchedInputException m && m.getTargetType() == LocalDate.class) {
        throw RecordMetadata.invalid(
            field,
            "must be a date YYYY-MM-DD from " + Dates.EARLIEST,
            "phải là ngày dạng YYYY-MM-DD, từ 01/01/1800");
      }
      throw RecordMetadata.invalid(
          field,
          "is not valid: " + e.getOriginalMessage(),
          "không hợp lệ: " + e.getOriginalMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw RecordMetadata.invalid(
          "",
          "is not valid JSON: " + e.getOriginalMessage(),
          "không phải JSON hợp lệ: " + e.getOriginalMessage());
    }
  }

  private void documentDate(String field, LocalDate date) {
    try {
      dates.requireDocument(date);
    } catch (Dates.Refused e) {
      throw RecordMetadata.invalid(field, e.reasonEn(), e.reasonVi());
    }
  }
}
