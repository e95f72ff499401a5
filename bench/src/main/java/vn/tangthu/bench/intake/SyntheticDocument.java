package vn.tangthu.bench.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * One synthetic official document as an agency's document system would send it.
 *
 * @param serial its position in the generated sequence, from 0
 * @param dateText {@code PromulgationDate} as written in the message (one of the forms senders use)
 * @param documentId {@code DocumentId}: {@code OrganId,yyyy/MM/dd,number/notation}
 * @param files the document (first) and its attachments (phụ lục)
 */
record SyntheticDocument(
    int serial,
    Agency sender,
    Agency recipient,
    DocType type,
    String number,
    String notation,
    LocalDate issued,
    String dateText,
    String subject,
    Signer signer,
    String documentId,
    List<SyntheticFile> files) {

  /** A sending or receiving agency; identifiers are synthetic, in the national format. */
  record Agency(String organId, String name, String code, String place, boolean committee) {}

  /** A document type: name, notation abbreviation (none for Công văn), edXML type code. */
  record DocType(String name, String abbreviation, int code) {}

  /** {@code SignerInfo}. */
  record Signer(String competence, String position, String fullName) {}

  /**
   * A file of the document.
   *
   * @param zipped whether the edXML message carries it zipped before encoding
   */
  record SyntheticFile(String name, String contentType, byte[] bytes, boolean zipped) {}

  /** {@code number/notation}, as the document shows it. */
  String reference() {
    return number + "/" + notation;
  }
}
