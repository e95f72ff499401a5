package vn.tangthu.intake;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a fresh stream over some content, from its first byte. May be called any number of times,
 * from any thread; each stream must be closed.
 */
@FunctionalInterface
public interface ContentOpener {

  /**
   * @throws ItemReadException when the content is at fault (also thrown while reading)
   * @throws IOException when the package's channel fails
   */
  InputStream open() throws IOException;
}
