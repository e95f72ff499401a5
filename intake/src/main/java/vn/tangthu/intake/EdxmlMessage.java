package vn.tangthu.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * What an edXML item carries besides its metadata, and its exact bytes.
 *
 * @param form which layout the message uses
 * @param documentId {@code MessageHeader/DocumentId}
 * @param fromOrganId {@code From/OrganId}, the sender's identifier on the exchange axis
 * @param fromOrganName {@code From/OrganName}
 * @param place {@code PromulgationInfo/Place}, or {@code null}
 * @param signer {@code SignerInfo}, or {@code null} when absent
 * @param signed whether the message carries an XML-DSig {@code Signature} element (namespace {@code
 *     http://www.w3.org/2000/09/xmldsig#}); verifying it is the signature module's job
 * @param size the message's length in bytes
 * @param opener the exact bytes of the message as the package holds them, for verifying its
 *     signature
 */
public record EdxmlMessage(
    EdxmlForm form,
    String documentId,
    String fromOrganId,
    String fromOrganName,
    String place,
    EdxmlSigner signer,
    boolean signed,
    long size,
    ContentOpener opener) {

  public EdxmlMessage {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(opener, "opener");
  }

  /** A new stream over the message's exact bytes; the caller closes it. */
  public InputStream open() throws IOException {
    return opener.open();
  }
}
