package vn.tangthu.intake.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.PackageFormat;

/** The items of one package, readable in any order from any thread. */
public interface FormatReader extends Closeable {

  PackageFormat format();

  int size();

  /**
   * Item {@code index}: every fault of the item is a {@code FailedItem}.
   *
   * @throws IOException only when the package's channel (or the spool disk) fails
   */
  IntakeItem read(int index) throws IOException;

  /** Things the reader ignored that the importer may want to see (unknown columns, …). */
  List<String> warnings();
}
