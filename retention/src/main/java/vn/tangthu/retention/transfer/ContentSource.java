package vn.tangthu.retention.transfer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a record's bytes (typically a stream from S3). Called at most once per file written, when
 * the writer reaches that file; the writer closes the stream.
 */
@FunctionalInterface
public interface ContentSource {
  /** A fresh stream over the bytes. */
  InputStream open() throws IOException;
}
