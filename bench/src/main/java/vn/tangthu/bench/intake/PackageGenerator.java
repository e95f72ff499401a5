package vn.tangthu.bench.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the import packages of {@code POST /imports} for the benchmark and the tests: synthetic
 * documents with realistic headers (Bắc Ninh agencies, {@code CodeNumber}/{@code CodeNotation},
 * dates in the forms senders use, signers, one to three PDF/DOCX/TXT files) and text from the
 * statutes of {@code ../shared/corpus/vi-legal}, as any of the package formats, of any size: items
 * are written one after another and only digests and metadata rows are kept. The same seed gives
 * the same bytes. Beside each package it can write the expectations ({@link Expectations}): what
 * the reader must make of every item.
 *
 * <pre>
 * java -cp bench/target/classes:… vn.tangthu.bench.intake.PackageGenerator KIND ITEMS OUT
 *     [--seed N] [--texts DIR] [--expect FILE]
 * java -cp … vn.tangthu.bench.intake.PackageGenerator samples OUT_FOLDER [--texts DIR]
 * </pre>
 *
 * {@code samples} writes the packages the repository ships under {@code samples/}: a folder of
 * files with {@code metadata.csv}, a BagIt bag and a folder of a dozen edXML messages of both
 * forms, with {@code expected.tsv}.
 */
public final class PackageGenerator {

  /** What to write. */
  public enum Kind {
    /** One edXML message (mixed form by the seed). */
    EDXML,
    EDXML_BATCH_ZIP,
    EDXML_BATCH_TAR,
    EDXML_BATCH_TGZ,
    BAG_ZIP,
    BAG_TAR,
    /** Files with {@code metadata.csv} in a zip. */
    FILES_ZIP,
    FILES_TAR,
    FILES_TGZ,
    /** Files with {@code metadata.json} in a zip. */
    FILES_ZIP_JSON;

    static Kind parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /**
   * How to generate.
   *
   * @param seed the documents' seed
   * @param texts the folder of statutes ({@code ../shared/corpus/vi-legal}); without it, a few
   *     built-in articles
   * @param expect where to write the expectations, or {@code null}
   * @param zippedShare the share of edXML attachments zipped before encoding
   */
  public record Options(long seed, Path texts, Path expect, double zippedShare) {

    public Options {
      if (zippedShare < 0 || zippedShare > 1) {
        throw new IllegalArgumentException("zippedShare must be within 0..1");
      }
    }

    public static Options defaults() {
      return new Options(20L, defaultTexts(), null, 0.2);
    }

    public Options withSeed(long value) {
      return new Options(value, texts, expect, zippedShare);
    }

    public Options withExpect(Path value) {
      return new Options(seed, texts, value, zippedShare);
    }

    public Options withTexts(Path value) {
      return new Options(seed, value, expect, zippedShare);
    }
  }

  /** The statutes parsed once per folder (immutable; 8 MB of text take a while to parse). */
  private static final Map<String, SyntheticTexts> TEXTS = new ConcurrentHashMap<>();

  private PackageGenerator() {}

  /** Writes a package of {@code items} documents ({@link Kind#EDXML}: one) to {@code out}. */
  public static void generate(Kind kind, int items, Path out, Options options) throws IOException {
    Objects.requireNonNull(kind, "kind");
    if (items < 1) {
      throw new IllegalArgumentException("items must be at least 1");
    }
    try (Expectations expect = expectations(options)) {
      PackageWriter w = writer(options, expect, 0);
      switch (kind) {
        case EDXML -> w.message(out, PackageWriter.Forms.MIXED, false, 0);
        case EDXML_BATCH_ZIP ->
            w.batch(out, ArchiveSink.Kind.ZIP, items, PackageWriter.Forms.MIXED, "messages/");
        case EDXML_BATCH_TAR ->
            w.batch(out, ArchiveSink.Kind.TAR, items, PackageWriter.Forms.MIXED, "messages/");
        case EDXML_BATCH_TGZ ->
            w.batch(out, ArchiveSink.Kind.TAR_GZ, items, PackageWriter.Forms.MIXED, "messages/");
        case BAG_ZIP -> w.bag(out, ArchiveSink.Kind.ZIP, items, "bag/", false);
        case BAG_TAR -> w.bag(out, ArchiveSink.Kind.TAR, items, "", true);
        case FILES_ZIP -> w.files(out, ArchiveSink.Kind.ZIP, items, "", false);
        case FILES_TAR -> w.files(out, ArchiveSink.Kind.TAR, items, "ho-so/", false);
        case FILES_TGZ -> w.files(out, ArchiveSink.Kind.TAR_GZ, items, "", false);
        case FILES_ZIP_JSON -> w.files(out, ArchiveSink.Kind.ZIP, items, "", true);
        default -> throw new IllegalStateException(kind.name());
      }
    }
  }

  /**
   * Writes the repository's samples into {@code dir} (which must not hold them yet): {@code
   * folder/} (four documents with {@code metadata.csv}, one file no row names), {@code bag/} (a bag
   * of four documents), {@code edxml/} (twelve messages, both forms, some attachments zipped, some
   * with bare children) and {@code expected.tsv}.
   */
  public static void samples(Path dir, Options options) throws IOException {
    Files.createDirectories(dir);
    try (Expectations expect = new Expectations(dir.resolve("expected.tsv"))) {
      PackageWriter w = writer(options, expect, 0);
      w.batch(dir.resolve("edxml"), ArchiveSink.Kind.FOLDER, 12, PackageWriter.Forms.MIXED, "");
      w.files(dir.resolve("folder"), ArchiveSink.Kind.FOLDER, 4, "", false);
      w.bag(dir.resolve("bag"), ArchiveSink.Kind.FOLDER, 4, "", false);
    }
    List<String> agencies = new ArrayList<>(List.of("# code\tparentCode\tname\tedxmlOrganId"));
    for (SyntheticDocument.Agency a : DocumentFactory.AGENCIES) {
      String code = PackageWriter.agencyCode(a);
      String parent = code.equals("BN") ? "" : "BN";
      agencies.add(String.join("\t", code, parent, a.name(), a.organId()));
    }
    Files.write(dir.resolve("agencies.tsv"), agencies, StandardCharsets.UTF_8);
  }

  private static PackageWriter writer(Options options, Expectations expect, int serial)
      throws IOException {
    String key = String.valueOf(options.texts());
    SyntheticTexts texts = TEXTS.get(key);
    if (texts == null) {
      texts = SyntheticTexts.load(options.texts());
      TEXTS.put(key, texts);
    }
    DocumentFactory factory =
        new DocumentFactory(options.seed(), texts, new FileRenderer(), options.zippedShare());
    return new PackageWriter(factory, options.seed(), expect, serial);
  }

  private static Expectations expectations(Options options) throws IOException {
    return options.expect() == null ? null : new Expectations(options.expect());
  }

  /** {@code ../shared/corpus/vi-legal} from the working folder or a parent of it, else null. */
  static Path defaultTexts() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/corpus/vi-legal").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  public static void main(String[] args) throws IOException {
    List<String> positional = new ArrayList<>();
    Options options = Options.defaults();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> options = options.withSeed(Long.parseLong(args[++i]));
        case "--texts" -> options = options.withTexts(Path.of(args[++i]));
        case "--expect" -> options = options.withExpect(Path.of(args[++i]));
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() == 2 && positional.get(0).equals("samples")) {
      samples(Path.of(positional.get(1)), options);
      System.out.println("samples written to " + positional.get(1) + texts(options));
      return;
    }
    if (positional.size() != 3) {
      System.err.println(
          "usage: PackageGenerator KIND ITEMS OUT [--seed N] [--texts DIR] [--expect FILE]\n"
              + "       PackageGenerator samples OUT_FOLDER [--texts DIR]\n"
              + "KIND: "
              + String.join(
                  ", ",
                  java.util.Arrays.stream(Kind.values())
                      .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                      .toList()));
      System.exit(2);
    }
    Path out = Path.of(positional.get(2));
    long start = System.nanoTime();
    generate(Kind.parse(positional.get(0)), Integer.parseInt(positional.get(1)), out, options);
    System.out.printf(
        "%s: %d bytes in %.1f s%s%n",
        out, Files.size(out), (System.nanoTime() - start) / 1e9, texts(options));
  }

  private static String texts(Options options) {
    return options.texts() == null
        ? " (built-in texts: ../shared/corpus/vi-legal not found)"
        : " (texts from " + options.texts() + ")";
  }
}
