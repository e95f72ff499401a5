package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * A term's postings in one segment as a column: the documents holding it as bits, 64 to a word, so
 * several terms intersect a word at a time, and its frequency in each document (above 255 counted
 * as 255, where BM25 has long saturated: the score moves by less than 0.1 %) read by the document's
 * rank among them ({@link Column}).
 *
 * <p>Decoding postings costs ~17 ns per document on our servers, reading a column ~1 ns; a word in
 * a large share of the records (the ones whose searches are slow) is worth keeping. Columns of
 * terms in at least {@code minDensity} of a segment's documents are kept in a least-recently-used
 * cache of at most {@code budgetBytes} ({@link Column#size}); others are decoded for the search
 * that needs them. Entries of a segment are dropped when the segment closes.
 *
 * <p>Thread-safe.
 */
public final class TermColumns {

  private record Key(Object segment, Term term) {}

  /**
   * One term's frequencies in one segment, for scoring: a {@link Column}, or the {@link Postings}
   * of a term too rare to be cached.
   */
  public sealed interface Frequencies permits Column, Postings {}

  /**
   * A rare term's postings in one segment.
   *
   * @param docs the documents holding the term, ascending, followed by {@link Integer#MAX_VALUE}
   *     (so a reader walking them in step with ascending documents needs no bounds check)
   * @param freqs the term's frequency in each of those documents, unsigned, capped at 255
   * @param bits the same documents as bits, like {@link Column#bits} (one bit per document, not a
   *     byte)
   */
  public record Postings(int[] docs, byte[] freqs, long[] bits) implements Frequencies {}

  /**
   * One term's column in one segment: the documents holding it as bits, and their frequencies in
   * document order, found by rank (the set bits before a document). A byte per holding document and
   * three sixteenths of a byte per document of the segment (its bit, and a count every 64
   * documents), not a byte per document: a word in 5 % of the records takes a fifth of the memory,
   * so the cache holds the columns of far more words.
   *
   * @param bits bit {@code d % 64} of word {@code d / 64} set when document {@code d} holds the
   *     term
   * @param ranks how many documents before word {@code w} of {@code bits} hold the term
   * @param freqs the frequency of each document holding the term (unsigned), in document order,
   *     then one 0 (what {@link #freq} reads for an absent last document, multiplied by 0)
   */
  public record Column(long[] bits, int[] ranks, byte[] freqs) implements Frequencies {

    /** The term's frequency in document {@code d} (0: absent). */
    public int freq(int d) {
      return freq(bits, ranks, freqs, d);
    }

    /**
     * {@link #freq} of a column given by its arrays, without a branch (for inner loops that hold
     * the arrays in locals).
     */
    static int freq(long[] bits, int[] ranks, byte[] freqs, int d) {
      int w = d >>> 6;
      long word = bits[w];
      int at = ranks[w] + Long.bitCount(word & ((1L << d) - 1));
      return (int) ((word >>> d) & 1) * (freqs[at] & 0xFF);
    }

    /** The bytes it holds. */
    long size() {
      return freqs.length + 8L * bits.length + 4L * ranks.length;
    }
  }

  private final long budgetBytes;
  private final double minDensity;
  private final Map<Key, Column> cache = new LinkedHashMap<>(64, 0.75f, true);
  private final Set<Object> watchedSegments = new HashSet<>();
  private long usedBytes;

  /**
   * @param budgetBytes the most the cached columns may hold (0: cache nothing)
   * @param minDensity the least share of a segment's documents a term must be in to be cached
   */
  public TermColumns(long budgetBytes, double minDensity) {
    if (budgetBytes < 0 || !(minDensity >= 0)) {
      throw new IllegalArgumentException("budget and density must not be negative");
    }
    this.budgetBytes = budgetBytes;
    this.minDensity = minDensity;
  }

  /** The term's column in the segment, or null when the segment does not hold the term. */
  public Column of(LeafReader reader, Term term) throws IOException {
    return (Column) frequencies(reader, term, false);
  }

  /**
   * The term's frequencies in the segment, or null when the segment does not hold the term: its
   * column when the term is common enough to be cached there, its postings otherwise (a few
   * thousand entries instead of a byte for every document of the segment).
   */
  public Frequencies scoring(LeafReader reader, Term term) throws IOException {
    return frequencies(reader, term, true);
  }

  private Frequencies frequencies(LeafReader reader, Term term, boolean rareAsPostings)
      throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    Key key = helper == null ? null : new Key(helper.getKey(), term);
    if (key != null) {
      synchronized (this) {
        Column cached = cache.get(key);
        if (cached != null) {
          return cached;
        }
      }
    }
    Terms terms = reader.terms(term.field());
    TermsEnum termsEnum = terms == null ? null : terms.iterator();
    if (termsEnum == null || !termsEnum.seekExact(term.bytes())) {
      return null;
    }
    int docFreq = termsEnum.docFreq();
    boolean common = docFreq >= minDensity * reader.maxDoc();
    if (rareAsPostings && !common) {
      return postings(termsEnum, docFreq, reader.maxDoc());
    }
    Column column = decode(termsEnum, reader.maxDoc());
    if (key != null && common && column.size() <= budgetBytes) {
      keep(key, column, helper);
    }
    return column;
  }

  private static Postings postings(TermsEnum termsEnum, int docFreq, int maxDoc)
      throws IOException {
    int[] docs = new int[docFreq + 1];
    byte[] freqs = new byte[docFreq];
    long[] bits = new long[(maxDoc + 63) >>> 6];
    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
    int n = 0; // a term's postings list every document counted in docFreq, deleted ones too
    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
      docs[n] = d;
      freqs[n++] = (byte) Math.min(255, postings.freq());
      bits[d >>> 6] |= 1L << d;
    }
    docs[n] = Integer.MAX_VALUE;
    return new Postings(docs, freqs, bits);
  }

  private static Column decode(TermsEnum termsEnum, int maxDoc) throws IOException {
    long[] bits = new long[(maxDoc + 63) >>> 6];
    byte[] freqs = new byte[termsEnum.docFreq() + 1];
    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
    int n = 0; // a term's postings list every document counted in docFreq, deleted ones too
    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
      freqs[n++] = (byte) Math.min(255, postings.freq());
      bits[d >>> 6] |= 1L << d;
    }
    int[] ranks = new int[bits.length];
    int before = 0;
    for (int w = 0; w < bits.length; w++) {
      ranks[w] = before;
      before += Long.bitCount(bits[w]);
    }
    return new Column(bits, ranks, freqs);
  }

  private void keep(Key key, Column column, IndexReader.CacheHelper helper) {
    boolean firstOfSegment;
    synchronized (this) {
      if (cache.containsKey(key)) {
        return;
      }
      firstOfSegment = watchedSegments.add(key.segment());
      cache.put(key, column);
      usedBytes += column.size();
      Iterator<Map.Entry<Key, Column>> eldest = cache.entrySet().iterator();
      while (usedBytes > budgetBytes && eldest.hasNext()) {
        usedBytes -= eldest.next().getValue().size();
        eldest.remove();
      }
    }
    if (firstOfSegment) {
      helper.addClosedListener(this::dropSegment);
    }
  }

  private synchronized void dropSegment(Object segment) {
    watchedSegments.remove(segment);
    Iterator<Map.Entry<Key, Column>> it = cache.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Column> entry = it.next();
      if (entry.getKey().segment() == segment) {
        usedBytes -= entry.getValue().size();
        it.remove();
      }
    }
  }

  /** The bytes the cached columns hold. */
  public synchronized long usedBytes() {
    return usedBytes;
  }
}
