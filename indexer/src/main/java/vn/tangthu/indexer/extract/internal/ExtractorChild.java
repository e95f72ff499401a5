package vn.tangthu.indexer.extract.internal;

import java.io.IOException;
import java.nio.file.Path;
import vn.tangthu.child.ChildLoop;
import vn.tangthu.indexer.extract.ExtractionResult;

/**
 * Main class of an extraction child process: parses each requested file with {@link TikaParsing}
 * and answers its result ({@link ChildProtocol}), served by {@link ChildLoop}. The only argument is
 * the text cap in characters.
 */
public final class ExtractorChild {

  private ExtractorChild() {}

  public static void main(String[] args) throws IOException {
    int maxTextChars = Integer.parseInt(args[0]);
    ChildLoop.serve(
        greeting -> {
          TikaParsing parsing = new TikaParsing(maxTextChars);
          return request -> ChildProtocol.answer(extract(parsing, request));
        });
  }

  private static ExtractionResult extract(TikaParsing parsing, byte[] request) throws IOException {
    String[] pathAndName = ChildProtocol.readRequest(request);
    Path path = Path.of(pathAndName[0]);
    String name = pathAndName[1];
    try {
      return parsing.parse(path, name);
    } catch (StackOverflowError | RuntimeException e) {
      return TikaParsing.failed(FailureReasons.of(e), parsing.detect(path, name));
    }
  }
}
