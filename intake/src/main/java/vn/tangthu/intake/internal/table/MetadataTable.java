package vn.tangthu.intake.internal.table;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.internal.io.SpoolDir;

/**
 * A package's {@code metadata.csv} or {@code metadata.json}, read once when the package is opened
 * and kept row by row in a spool file; any row can then be read again by its index. Row {@code i}
 * is the {@code i}-th non-empty record in file order. Thread-safe once loaded.
 */
public final class MetadataTable implements Closeable {

  private final String name;
  private final RowStore rows;
  private final List<String> warnings;

  private MetadataTable(String name, RowStore rows, List<String> warnings) {
    this.name = name;
    this.rows = rows;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Reads the metadata file {@code name} ({@code …csv} or {@code …json}) from {@code source}.
   *
   * @throws PackageException {@code INVALID_METADATA} when the file as a whole cannot be read,
   *     {@code PACKAGE_TOO_LARGE} past the limits (size, or more rows than entries allowed)
   * @throws ChannelReadException when the package's channel fails
   */
  public static MetadataTable load(
      InputStream source, String name, IntakeLimits limits, SpoolDir spool)
      throws IOException, PackageException {
    boolean csv = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    List<String> warnings = new ArrayList<>();
    RowStore rows = new RowStore(spool);
    try (InputStream in =
        LimitedSource.of(
            source, name, limits.maxMetadataBytes(), limits.maxMetadataRowBytes(), csv)) {
      CsvRows.RowSink sink =
          row -> {
            if (rows.size() >= limits.maxEntries()) {
              throw new PackageException(
                  PackageErrorCode.PACKAGE_TOO_LARGE,
                  name + " has more than " + limits.maxEntries() + " rows, the entry limit");
            }
            rows.append(row);
          };
      if (csv) {
        CsvRows.read(in, name, sink, warnings::add);
      } else {
        JsonRows.read(
            in, name, limits.maxMetadataBytes(), limits.maxMetadataRowBytes(), sink, warnings::add);
      }
      rows.seal();
      return new MetadataTable(name, rows, warnings);
    } catch (ItemReadException e) {
      rows.close();
      throw new PackageException(PackageErrorCode.INVALID_METADATA, e.getMessage(), e);
    } catch (IOException | PackageException | RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /** The file's path in the package. */
  public String name() {
    return name;
  }

  public int size() {
    return rows.size();
  }

  public MetadataRow row(int index) throws IOException {
    return rows.get(index);
  }

  /** Columns or keys that were ignored. */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
