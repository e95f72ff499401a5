package vn.tangthu.archive.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The parts of one upload after spooling; closing deletes the temporary files. */
final class UploadParts implements AutoCloseable {

  RecordMetadata metadata;
  SpooledFile file;
  SpooledFile signature;
  final List<SpooledFile> attachments = new ArrayList<>();

  /** The parts as a submission of an upload; the files are the same (either closes them). */
  Submission toSubmission() {
    return new Submission(metadata, file, signature, attachments, RecordSource.UPLOAD);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    List<SpooledFile> all = new ArrayList<>(attachments);
    all.add(file);
    all.add(signature);
    for (SpooledFile f : all) {
      if (f == null) {
        continue;
      }
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
