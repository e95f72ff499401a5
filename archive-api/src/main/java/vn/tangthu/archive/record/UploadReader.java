package vn.tangthu.archive.record;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import vn.tangthu.archive.error.ApiException;

/**
 * Reads the parts of a {@code POST /records} multipart upload: the {@code metadata} part (one JSON
 * object, each field validated), then the files spooled to {@code tmp} while hashed. Every refusal
 * is a 4xx before anything is stored; the metadata is checked (with the caller's right to store it)
 * before any file after it is spooled. Thread-safe.
 */
final class UploadReader {

  private static final long MAX_METADATA_BYTES = 256 * 1024;
  static final long MAX_SIGNATURE_BYTES = 16L * 1024 * 1024;
  static final int MAX_ATTACHMENTS = 100;

  private final ObjectMapper json;
  private final Path tmp;
  private final long maxFileBytes;

  UploadReader(ObjectMapper json, Path tmp, long maxFileBytes) {
    this.json = json;
    this.tmp = tmp;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * The parts of {@code request}; {@code check} sees the metadata as soon as it is read. The caller
   * closes the result (which deletes the spooled files).
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
          parts.metadata = parseMetadata(in);
          check.accept(parts.metadata);
        }
        case "file" -> {
          once(parts.file, name);
          parts.file = SpooledFile.spool(in, item.getName(), tmp, maxFileBytes);
        }
        case "signature" -> {
          once(parts.signature, name);
          parts.signature = SpooledFile.spool(in, item.getName(), tmp, MAX_SIGNATURE_BYTES);
        }
        case "attachment" -> {
          if (parts.attachments.size() >= MAX_ATTACHMENTS) {
            throw ApiException.badRequest(
                "INVALID_REQUEST",
                "At most " + MAX_ATTACHMENTS + " attachments per record.",
                "Tối đa " + MAX_ATTACHMENTS + " phụ lục cho một văn bản.");
          }
          parts.attachments.add(SpooledFile.spool(in, item.getName(), tmp, maxFileBytes));
        }
        default ->
            throw ApiException.badRequest(
                    "INVALID_REQUEST",
                    "Unknown part '" + name + "': expected metadata, file, signature, attachment.",
                    "Phần '"
                        + name
                        + "' không hợp lệ: chỉ nhận metadata, file, signature, attachment.")
                .with("part", String.valueOf(name));
      }
    }
  }

  private static void once(Object existing, String name) {
    if (existing != null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The part '" + name + "' may appear only once.",
          "Phần '" + name + "' chỉ được gửi một lần.");
    }
  }

  private RecordMetadata parseMetadata(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_METADATA_BYTES + 1);
    if (bytes.length > MAX_METADATA_BYTES) {
      throw RecordMetadata.invalid("", "is larger than 256 KiB", "lớn hơn 256 KiB");
    }
    try {
      RecordMetadata m = json.readValue(bytes, RecordMetadata.class);
      if (m == null) {
        throw RecordMetadata.invalid("", "must be a JSON object", "phải là đối tượng JSON");
      }
      return m;
    } catch (JsonMappingException e) {
      throw RecordMetadata.fromMapping(e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw RecordMetadata.invalid(
          "",
          "is not valid JSON: " + e.getOriginalMessage(),
          "không phải JSON hợp lệ: " + e.getOriginalMessage());
    }
  }
}
