package vn.tangthu.indexer.extract.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import vn.tangthu.indexer.extract.ExtractionResult;

/**
 * Main class of an extraction child process: reads requests from stdin, parses with {@link
 * TikaParsing}, writes results to stdout ({@link ChildProtocol}); anything libraries print goes to
 * stderr. Exits at end of input. Started with {@code -XX:+ExitOnOutOfMemoryError}, so a document
 * that exhausts the heap ends the process instead of leaving it damaged.
 */
public final class ExtractorChild {

  private ExtractorChild() {}

  public static void main(String[] args) throws IOException {
    int maxTextChars = Integer.parseInt(args[0]);
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    TikaParsing parsing = new TikaParsing(maxTextChars);
    out.writeUTF(ChildProtocol.READY);
    out.flush();
    while (true) {
      String path;
      String name;
      try {
        path = in.readUTF();
        name = ChildProtocol.readNullable(in);
      } catch (EOFException e) {
        return;
      }
      ExtractionResult result;
      try {
        result = parsing.parse(Path.of(path), name);
      } catch (StackOverflowError | RuntimeException e) {
        result = TikaParsing.failed(FailureReasons.of(e), parsing.detect(Path.of(path), name));
      }
      ChildProtocol.write(out, result);
      out.flush();
    }
  }
}
