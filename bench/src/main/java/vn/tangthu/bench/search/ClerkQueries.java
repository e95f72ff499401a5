package vn.tangthu.bench.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * The fixed mix of clerk queries, drawn deterministically from the corpus and the synthetic
 * records: 30% words typed without diacritics, 20% quoted phrases, 15% document numbers, 15% words
 * with an agency filter, 20% filters only (agency subtree, type, a span of years), in random order
 * (drawn from the seed too): a mix listing its classes in blocks would send the heavy ones together
 * and measure that bunching instead of the engine.
 */
public final class ClerkQueries {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]{2,}");

  private ClerkQueries() {}

  /** {@code n} queries over records 0…docs-1 (document numbers are taken from those records). */
  public static List<BenchQuery> mix(SyntheticArchive archive, long docs, int n) {
    return mix(archive, docs, n, 42);
  }

  /**
   * Another mix of the same shape drawn with another seed: what warms a server up without warming
   * it for the measured queries themselves.
   */
  public static List<BenchQuery> mix(SyntheticArchive archive, long docs, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<BenchQuery> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int slot = i % 20;
      BenchQuery.Kind kind =
          slot < 6
              ? BenchQuery.Kind.FOLDED_WORDS
              : slot < 10
                  ? BenchQuery.Kind.PHRASE
                  : slot < 13
                      ? BenchQuery.Kind.DOC_NUMBER
                      : slot < 16 ? BenchQuery.Kind.WORDS_AND_FILTER : BenchQuery.Kind.FILTERS_ONLY;
      out.add(query(kind, archive, docs, rng));
    }
    Collections.shuffle(out, new Random(seed));
    return out;
  }

  private static BenchQuery query(
      BenchQuery.Kind kind, SyntheticArchive archive, long docs, SplittableRandom rng) {
    return switch (kind) {
      case FOLDED_WORDS -> {
        List<String> w = words(archive, rng, 6);
        int j = rng.nextInt(w.size() - 3);
        String q = w.get(j) + " " + w.get(j + 1) + (rng.nextBoolean() ? " " + w.get(j + 3) : "");
        yield new BenchQuery(kind, VietnameseText.folded(q), null, null, null, null);
      }
      case PHRASE -> {
        List<String> w = words(archive, rng, 6);
        int len = 2 + rng.nextInt(3);
        int j = rng.nextInt(w.size() - len);
        yield new BenchQuery(
            kind, "\"" + String.join(" ", w.subList(j, j + len)) + "\"", null, null, null, null);
      }
      case DOC_NUMBER -> {
        SyntheticArchive.Doc d = archive.doc(rng.nextLong(docs));
        String written = d.row().number() + "/" + d.row().notation();
        yield new BenchQuery(
            kind,
            rng.nextBoolean() ? written : VietnameseText.folded(written),
            null,
            null,
            null,
            null);
      }
      case WORDS_AND_FILTER -> {
        List<String> w = words(archive, rng, 4);
        int j = rng.nextInt(w.size() - 1);
        yield new BenchQuery(
            kind,
            VietnameseText.folded(w.get(j) + " " + w.get(j + 1)),
            agency(archive, rng),
            null,
            null,
            null);
      }
      case FILTERS_ONLY -> {
        int from = 2000 + rng.nextInt(22);
        int span = rng.nextInt(5);
        String type =
            rng.nextInt(3) == 0
                ? null
                : SyntheticArchive.TYPES.get(rng.nextInt(SyntheticArchive.TYPES.size())).name();
        yield new BenchQuery(
            kind,
            "",
            agency(archive, rng),
            type,
            LocalDate.of(from, 1, 1),
            LocalDate.of(from + span, 12, 31));
      }
    };
  }

  private static String agency(SyntheticArchive archive, SplittableRandom rng) {
    List<SyntheticArchive.AgencyDef> all = archive.agencies();
    return all.get(1 + rng.nextInt(all.size() - 1)).code();
  }

  /** The words of a random corpus line with at least {@code min} words. */
  private static List<String> words(SyntheticArchive archive, SplittableRandom rng, int min) {
    while (true) {
      String line = archive.lines().get(rng.nextInt(archive.lines().size()));
      List<String> w = new ArrayList<>();
      Matcher m = WORD.matcher(SyntheticArchive.nfc(line));
      while (m.find()) {
        w.add(m.group());
      }
      if (w.size() >= min) {
        return w;
      }
    }
  }
}
