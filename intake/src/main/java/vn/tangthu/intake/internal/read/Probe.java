package vn.tangthu.intake.internal.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.IntakeOptions;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.PackageFormat;
import vn.tangthu.intake.internal.bagit.Bag;
import vn.tangthu.intake.internal.bagit.BagVerifier;
import vn.tangthu.intake.internal.container.Container;
import vn.tangthu.intake.internal.container.Entry;
import vn.tangthu.intake.internal.container.EntryNames;
import vn.tangthu.intake.internal.container.TarContainer;
import vn.tangthu.intake.internal.container.ZipContainer;
import vn.tangthu.intake.internal.edxml.EdxmlItems;
import vn.tangthu.intake.internal.edxml.SafeXml;
import vn.tangthu.intake.internal.io.BoundedEntryStream;
import vn.tangthu.intake.internal.io.BoundedFileOutput;
import vn.tangthu.intake.internal.io.EntryBounds;
import vn.tangthu.intake.internal.io.Magic;
import vn.tangthu.intake.internal.io.PackageChannel;
import vn.tangthu.intake.internal.io.RangeInputStream;
import vn.tangthu.intake.internal.io.SpoolDir;
import vn.tangthu.intake.internal.table.MetadataTable;

/**
 * Detects a package's format from its bytes, as the contract orders it, and opens the reader for
 * it: gzip is decompressed once into a bounded spool file; a zip or tar with {@code bagit.txt} at
 * its root or under its one top folder is a bag (verified here); else one with {@code
 * metadata.csv}/{@code metadata.json} there is {@code ZIP}/{@code TAR}; else one whose first file
 * entries include an edXML message is {@code EDXML_BATCH}; a single XML document is {@code EDXML};
 * anything else is {@code UNSUPPORTED_PACKAGE}.
 */
public final class Probe {

  /** File entries looked at to recognise an edXML batch. */
  static final int SNIFFED_ENTRIES = 16;

  private static final int SNIFF_BYTES = 16 * 1024;

  private final IntakeOptions options;
  private final SpoolDir spool;
  private final List<AutoCloseable> opened;

  private Probe(IntakeOptions options, SpoolDir spool, List<AutoCloseable> opened) {
    this.options = options;
    this.spool = spool;
    this.opened = opened;
  }

  /**
   * @param opened receives what the reader must close besides itself (a decompressed spool)
   */
  public static FormatReader open(
      PackageChannel channel, IntakeOptions options, SpoolDir spool, List<AutoCloseable> opened)
      throws IOException, PackageException {
    return new Probe(options, spool, opened).detect(channel, true);
  }

  private FormatReader detect(PackageChannel channel, boolean mayGunzip)
      throws IOException, PackageException {
    if (channel.size() == 0) {
      throw unsupported("the package is empty");
    }
    byte[] head = new byte[Magic.HEAD];
    int n = channel.readFully(ByteBuffer.wrap(head), 0);
    if (Magic.isGzip(head, n)) {
      if (!mayGunzip) {
        throw unsupported("the package is gzip inside gzip");
      }
      return detect(gunzip(channel), false);
    }
    if (Magic.isZip(head, n)) {
      return classify(ZipContainer.open(channel, options.limits()), PackageFormat.ZIP);
    }
    if (Magic.isTar(head, n)) {
      return classify(TarContainer.open(channel, options.limits()), PackageFormat.TAR);
    }
    if (Magic.looksLikeXml(head, n)) {
      return new SingleMessageReader(channel, edxmlItems(), options.packageName());
    }
    throw unsupported("the package is not an XML document, a zip, a tar or a gzip-compressed tar");
  }

  private PackageChannel gunzip(PackageChannel channel) throws IOException, PackageException {
    Path file = spool.newFile(".tar");
    long max = options.limits().maxPackageBytes();
    EntryBounds bounds =
        new EntryBounds(
            "the decompressed package",
            -1,
            channel.size(),
            -1,
            max,
            options.limits().maxCompressionRatio(),
            options.limits().ratioFloorBytes());
    try (InputStream in =
            new BoundedEntryStream(
                GzipCompressorInputStream.builder()
                    .setInputStream(new RangeInputStream(channel, 0, channel.size()))
                    .setDecompressConcatenated(true)
                    .get(),
                bounds);
        OutputStream out = new BoundedFileOutput(file, max, "the decompressed package")) {
      in.transferTo(out);
    } catch (ChannelReadException e) {
      throw e;
    } catch (ItemReadException e) {
      throw e.code() == ItemErrorCode.ENTRY_TOO_LARGE
          ? new PackageException(PackageErrorCode.PACKAGE_TOO_LARGE, e.getMessage(), e)
          : unsupported("the gzip stream cannot be decompressed: " + e.getMessage());
    } catch (IOException e) {
      throw unsupported("the gzip stream cannot be decompressed: " + e.getMessage());
    }
    FileChannel fc = FileChannel.open(file, StandardOpenOption.READ);
    opened.add(fc);
    return new PackageChannel(fc, 256 * 1024, 8);
  }

  private FormatReader classify(Container c, PackageFormat plain)
      throws IOException, PackageException {
    boolean ok = false;
    try {
      checkDeclaredSize(c);
      FormatReader r = reader(c, plain);
      ok = true;
      return r;
    } finally {
      if (!ok) {
        c.close();
      }
    }
  }

  private FormatReader reader(Container c, PackageFormat plain)
      throws IOException, PackageException {
    List<String> prefixes = prefixes(c);
    Set<String> names = new LinkedHashSet<>();
    c.entries().stream().filter(Entry::isSafeFile).forEach(e -> names.add(e.name()));
    for (String p : prefixes) {
      if (names.contains(p + "bagit.txt")) {
        return bag(c, p);
      }
    }
    for (String p : prefixes) {
      for (String m : List.of("metadata.csv", "metadata.json")) {
        if (names.contains(p + m)) {
          List<String> warnings = new ArrayList<>();
          if (m.endsWith(".csv") && names.contains(p + "metadata.json")) {
            warnings.add("both metadata.csv and metadata.json: metadata.csv is used");
          }
          Entry meta = find(c, p + m);
          List<Entry> files =
              c.entries().stream()
                  .filter(e -> !e.directory() && e != meta)
                  .filter(e -> e.name() == null || !EntryNames.isClutter(e.name()))
                  .toList();
          return table(plain, c, p, meta, files, null, warnings);
        }
      }
    }
    if (hasEdxmlMessage(c)) {
      return new MessageBatchReader(c, edxmlItems());
    }
    throw unsupported(
        "the "
            + c.kind()
            + " has no bagit.txt, no metadata.csv or metadata.json, and no edXML message among"
            + " its first files");
  }

  private FormatReader bag(Container c, String prefix) throws IOException, PackageException {
    Bag bag = BagVerifier.verify(c, prefix, options.limits(), options.verifyBag());
    Entry meta = null;
    for (String m :
        List.of("metadata.csv", "metadata.json", "data/metadata.csv", "data/metadata.json")) {
      meta = meta != null ? meta : find(c, prefix + m);
    }
    Entry metaFile = meta;
    List<Entry> files = bag.payload().stream().filter(e -> e != metaFile).toList();
    return table(PackageFormat.BAGIT, c, bag.data(), meta, files, bag, List.of());
  }

  private FormatReader table(
      PackageFormat format,
      Container c,
      String base,
      Entry meta,
      List<Entry> files,
      Bag bag,
      List<String> warnings)
      throws IOException, PackageException {
    MetadataTable table = null;
    if (meta != null) {
      String problem = c.problem(meta) == null ? null : c.problem(meta).message();
      if (problem != null) {
        throw new PackageException(PackageErrorCode.INVALID_METADATA, problem);
      }
      try (InputStream in = c.open(meta)) {
        table = MetadataTable.load(in, meta.name(), options.limits(), spool);
      }
    }
    List<String> all = new ArrayList<>(warnings);
    if (table != null) {
      all.addAll(table.warnings());
    }
    return new FileTableReader(
        format, c, base, table, files, bag, options.defaults(), options.limits(), all);
  }

  /** {@code ""}, and the one top folder when every other entry is inside it. */
  private static List<String> prefixes(Container c) {
    String top = null;
    for (Entry e : c.entries()) {
      if (e.name() == null || EntryNames.isClutter(e.name())) {
        continue;
      }
      int slash = e.name().indexOf('/');
      if (slash < 0 && !e.directory()) {
        return List.of("");
      }
      String first = (slash < 0 ? e.name() : e.name().substring(0, slash)) + "/";
      if (top == null) {
        top = first;
      } else if (!top.equals(first)) {
        return List.of("");
      }
    }
    return top == null ? List.of("") : List.of("", top);
  }

  private boolean hasEdxmlMessage(Container c) throws IOException {
    int looked = 0;
    for (Entry e : c.entries()) {
      if (looked >= SNIFFED_ENTRIES) {
        break;
      }
      if (!e.isSafeFile() || EntryNames.isClutter(e.name()) || c.problem(e) != null) {
        continue;
      }
      looked++;
      try {
        byte[] head = c.head(e, SNIFF_BYTES);
        if (SafeXml.isEdxmlRoot(SafeXml.rootElement(new ByteArrayInputStream(head), SNIFF_BYTES))) {
          return true;
        }
      } catch (ItemReadException ex) {
        // a damaged entry says nothing about the package; it fails as an item
      }
    }
    return false;
  }

  private void checkDeclaredSize(Container c) throws PackageException {
    long total = 0;
    for (Entry e : c.entries()) {
      total += Math.max(0, e.size());
    }
    if (total > options.limits().maxPackageBytes()) {
      throw new PackageException(
          PackageErrorCode.PACKAGE_TOO_LARGE,
          "the "
              + c.kind()
              + "'s entries declare "
              + total
              + " bytes, over the limit of "
              + options.limits().maxPackageBytes());
    }
  }

  private static Entry find(Container c, String name) {
    return c.entries().stream()
        .filter(e -> e.isSafeFile() && e.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private EdxmlItems edxmlItems() {
    return new EdxmlItems(options.limits(), options.defaults(), spool);
  }

  private static PackageException unsupported(String message) {
    return new PackageException(PackageErrorCode.UNSUPPORTED_PACKAGE, message);
  }
}
