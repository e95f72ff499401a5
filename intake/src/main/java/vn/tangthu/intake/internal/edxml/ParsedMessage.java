package vn.tangthu.intake.internal.edxml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.tangthu.intake.EdxmlForm;

/**
 * What {@link EdxmlParser} read from a message.
 *
 * @param header {@code MessageHeader} values by path below it ({@code From/OrganId}, {@code
 *     Subject}, …), trimmed, blanks left out
 * @param references the manifest's references, in order
 * @param attachments the attachments, in order, decoded into spool files
 * @param signed whether an XML-DSig {@code Signature} element was found
 */
record ParsedMessage(
    EdxmlForm form,
    Map<String, String> header,
    List<Reference> references,
    List<Attachment> attachments,
    boolean signed) {

  /** A manifest {@code Reference}. */
  record Reference(
      int ordinal, String contentId, String contentType, String name, String description) {}

  /** An {@code Attachment}, its content decoded from base64 into {@code file}. */
  record Attachment(
      int ordinal, String contentId, String name, String contentType, Path file, long size) {

    String label() {
      return "Attachment " + ordinal + (contentId == null ? "" : " (ContentId " + contentId + ")");
    }
  }
}
