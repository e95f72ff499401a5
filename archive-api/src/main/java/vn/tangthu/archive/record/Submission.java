package vn.tangthu.archive.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one record is made from, whichever way it arrived: the multipart parts of {@code POST
 * /records}, or an item of an import package. {@link IngestService} stores every submission the
 * same way. Closing deletes the spooled files.
 *
 * @param metadata the validated metadata
 * @param file the document that becomes the record
 * @param signature a detached CMS signature over {@code file}, or null
 * @param attachments attachments (phụ lục), each its own record linked to the main one
 * @param source how the record arrived ({@link RecordSource#UPLOAD} for {@code POST /records})
 * @param signedMessage an XML document whose XML-DSig signature covers {@code file} (the signed
 *     edXML message it was decoded from), kept with the record; or null
 */
public record Submission(
    RecordMetadata metadata,
    SpooledFile file,
    SpooledFile signature,
    List<SpooledFile> attachments,
    RecordSource source,
    SpooledFile signedMessage)
    implements AutoCloseable {

  /** A submission without a signed message. */
  public Submission(
      RecordMetadata metadata,
      SpooledFile file,
      SpooledFile signature,
      List<SpooledFile> attachments,
      RecordSource source) {
    this(metadata, file, signature, attachments, source, null);
  }

  public Submission {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(file, "file");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(source, "source");
    if (signature != null && signedMessage != null) {
      throw new IllegalArgumentException("a detached signature or a signed message, not both");
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    List<SpooledFile> all = new ArrayList<>(attachments);
    all.add(file);
    if (signature != null) {
      all.add(signature);
    }
    if (signedMessage != null) {
      all.add(signedMessage);
    }
    for (SpooledFile f : all) {
      try {
        f.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
