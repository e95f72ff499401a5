package vn.tangthu.intake.internal.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.tangthu.intake.FailedItem;
import vn.tangthu.intake.ImportDefaults;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.ItemError;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemFile;
import vn.tangthu.intake.ItemMetadata;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.PackageFormat;
import vn.tangthu.intake.ReadyItem;
import vn.tangthu.intake.internal.bagit.Bag;
import vn.tangthu.intake.internal.container.Container;
import vn.tangthu.intake.internal.container.Entry;
import vn.tangthu.intake.internal.container.EntryNames;
import vn.tangthu.intake.internal.io.Magic;
import vn.tangthu.intake.internal.table.MetadataField;
import vn.tangthu.intake.internal.table.MetadataRow;
import vn.tangthu.intake.internal.table.MetadataTable;

/**
 * {@code ZIP}, {@code TAR} and {@code BAGIT} packages: files described by the rows of {@code
 * metadata.csv}/{@code metadata.json}. Items {@code 0 … rows-1} are the rows in file order; then
 * come the files no row names (as main file, signature or attachment), in container order, each
 * with the defaults and its file name as subject. Paths in the metadata are relative to the
 * metadata file's folder (for a bag, to its {@code data/} folder; {@code data/…} is accepted too).
 */
final class FileTableReader implements FormatReader {

  private final PackageFormat format;
  private final Container container;
  private final String base;
  private final MetadataTable table;
  private final Bag bag;
  private final ImportDefaults defaults;
  private final IntakeLimits limits;
  private final List<String> warnings;
  private final Map<String, Entry> byName = new HashMap<>();
  private final Set<String> duplicateNames = new HashSet<>();
  private final BitSet repeatedMain = new BitSet();
  private final List<Entry> unnamed = new ArrayList<>();

  /** A path of a row, looked up: the entry, or the error to report. */
  private record Found(Entry entry, ItemError error) {}

  FileTableReader(
      PackageFormat format,
      Container container,
      String base,
      MetadataTable table,
      List<Entry> files,
      Bag bag,
      ImportDefaults defaults,
      IntakeLimits limits,
      List<String> warnings)
      throws IOException {
    this.format = format;
    this.container = container;
    this.base = base;
    this.table = table;
    this.bag = bag;
    this.defaults = defaults;
    this.limits = limits;
    this.warnings = List.copyOf(warnings);
    for (Entry e : files) {
      if (e.name() != null && byName.putIfAbsent(e.name(), e) != null) {
        duplicateNames.add(e.name());
      }
    }
    BitSet named = markNamed();
    for (Entry e : files) {
      if (!named.get(e.ordinal())) {
        unnamed.add(e);
      }
    }
  }

  /** Reads every row once: which entries rows name, which rows repeat another's main file. */
  private BitSet markNamed() throws IOException {
    BitSet named = new BitSet();
    BitSet mains = new BitSet();
    for (int i = 0; table != null && i < table.size(); i++) {
      MetadataRow row = table.row(i);
      Entry main = lookup(row.get(MetadataField.PATH)).entry();
      if (main != null) {
        named.set(main.ordinal());
        if (mains.get(main.ordinal())) {
          repeatedMain.set(i);
        }
        mains.set(main.ordinal());
      }
      Entry signature = lookup(row.get(MetadataField.SIGNATURE_PATH)).entry();
      if (signature != null) {
        named.set(signature.ordinal());
      }
      for (String p : row.attachmentPaths()) {
        Entry a = lookup(p).entry();
        if (a != null) {
          named.set(a.ordinal());
        }
      }
    }
    return named;
  }

  private Found lookup(String path) {
    if (path == null) {
      return new Found(null, null);
    }
    String unsafe = EntryNames.unsafeReason(path);
    String name = EntryNames.normalize(path);
    if (unsafe != null || name == null) {
      return new Found(
          null,
          new ItemError(
              ItemErrorCode.UNSAFE_PATH,
              "'" + path + "' is refused: it has " + (unsafe == null ? "no file name" : unsafe)));
    }
    String key = base + name;
    if (!byName.containsKey(key) && bag != null && name.startsWith("data/")) {
      key = bag.prefix() + name;
    }
    Entry e = byName.get(key);
    if (e == null) {
      return new Found(
          null, new ItemError(ItemErrorCode.MISSING_FILE, "'" + path + "' is not in the package"));
    }
    if (duplicateNames.contains(key)) {
      return new Found(
          null,
          new ItemError(
              ItemErrorCode.DUPLICATE_PATH, "'" + path + "' is in the package more than once"));
    }
    return new Found(e, null);
  }

  @Override
  public PackageFormat format() {
    return format;
  }

  @Override
  public int size() {
    return rows() + unnamed.size();
  }

  private int rows() {
    return table == null ? 0 : table.size();
  }

  @Override
  public IntakeItem read(int index) throws IOException {
    if (index < rows()) {
      return readRow(index);
    }
    Entry e = unnamed.get(index - rows());
    String path = e.displayName();
    try {
      ItemFile file = file(e);
      return new ReadyItem(
          index,
          path,
          RowMetadata.unnamed(file.name(), defaults),
          file,
          null,
          List.of(),
          null,
          null);
    } catch (ItemReadException ex) {
      return new FailedItem(index, path, ex.error());
    }
  }

  private IntakeItem readRow(int index) throws IOException {
    MetadataRow row = table.row(index);
    String path = row.label();
    try {
      if (row.shapeError() != null) {
        throw new ItemReadException(ItemErrorCode.INVALID_METADATA, row.shapeError());
      }
      if (row.get(MetadataField.PATH) == null) {
        throw new ItemReadException(
            ItemErrorCode.INVALID_METADATA,
            row.label() + ": path is required (the file the row describes)");
      }
      Entry main = found(row, MetadataField.PATH, row.get(MetadataField.PATH));
      path = main.displayName();
      if (repeatedMain.get(index)) {
        throw new ItemReadException(
            ItemErrorCode.DUPLICATE_PATH,
            row.label() + ": " + path + " is already the file of an earlier row");
      }
      ItemMetadata metadata = RowMetadata.of(row, defaults);
      ItemFile file = file(main);
      ItemFile signature = signature(row);
      List<ItemFile> attachments = attachments(row);
      return new ReadyItem(index, path, metadata, file, signature, attachments, null, null);
    } catch (ItemReadException ex) {
      return new FailedItem(index, path, ex.error());
    }
  }

  private ItemFile signature(MetadataRow row) throws IOException {
    String p = row.get(MetadataField.SIGNATURE_PATH);
    return p == null ? null : file(found(row, MetadataField.SIGNATURE_PATH, p));
  }

  private List<ItemFile> attachments(MetadataRow row) throws IOException {
    if (row.attachmentPaths().size() > limits.maxAttachments()) {
      throw new ItemReadException(
          ItemErrorCode.INVALID_METADATA,
          row.label() + ": more than " + limits.maxAttachments() + " attachmentPaths");
    }
    List<ItemFile> files = new ArrayList<>();
    for (String p : row.attachmentPaths()) {
      files.add(file(found(row, MetadataField.ATTACHMENT_PATHS, p)));
    }
    return files;
  }

  private Entry found(MetadataRow row, MetadataField column, String path) throws ItemReadException {
    Found f = lookup(path);
    if (f.error() != null) {
      throw new ItemReadException(
          f.error().code(), row.label() + ": " + column.wire() + " " + f.error().message());
    }
    return f.entry();
  }

  /** The entry as a file to store, after the checks that need no full read. */
  private ItemFile file(Entry e) throws IOException {
    ItemError problem = container.problem(e);
    if (problem == null && bag != null) {
      problem = bag.problems().get(e.ordinal());
    }
    if (problem != null) {
      throw new ItemReadException(problem.code(), problem.message());
    }
    byte[] head = container.head(e, Magic.HEAD);
    String archive = Magic.archiveKind(head, head.length, e.name(), null);
    if (archive != null) {
      throw new ItemReadException(
          ItemErrorCode.NESTED_ARCHIVE,
          e.displayName()
              + " is a "
              + archive
              + " archive; nested archives are not expanded, import it as a package of its own");
    }
    String sha256 = bag == null ? null : bag.sha256Of(e);
    return new ItemFile(
        EntryNames.baseName(e.name()), e.size(), null, sha256, () -> container.open(e));
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public void close() throws IOException {
    try {
      if (table != null) {
        table.close();
      }
    } finally {
      container.close();
    }
  }
}
