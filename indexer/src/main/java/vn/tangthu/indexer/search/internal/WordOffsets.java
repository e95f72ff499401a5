package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Where a search's highlighted words and exact phrases occur in one field of one segment: the
 * offsets (into the stored original) of every occurrence of a word, and of every occurrence of a
 * phrase's syllables at consecutive positions, from first start to last end. This is what Lucene's
 * matches of the equivalent term and phrase queries give, but each term is looked up once per
 * segment and its postings enum reused for every hit there, instead of a lookup and an enum per
 * term, hit and field.
 *
 * <p>Not thread-safe: one instance serves the hits of one segment on one thread. Hits are cheapest
 * in increasing order; any order is answered correctly.
 */
final class WordOffsets {
  private final TermsEnum termsEnum;
  private final BytesRef[] terms;
  private final TermState[] states;
  private final PostingsEnum[] postings;
  private final Occurrences[] found;
  private final int[][] words;
  private final BytesRef[] labels;

  private WordOffsets(TermsEnum termsEnum, BytesRef[] terms, int[][] words) throws IOException {
    this.termsEnum = termsEnum;
    this.terms = terms;
    this.words = words;
    this.states = new TermState[terms.length];
    this.postings = new PostingsEnum[terms.length];
    this.found = new Occurrences[terms.length];
    for (int t = 0; t < terms.length; t++) {
      found[t] = new Occurrences();
      if (termsEnum != null && termsEnum.seekExact(terms[t])) {
        states[t] = termsEnum.termState();
        postings[t] = termsEnum.postings(null, PostingsEnum.OFFSETS);
      }
    }
    this.labels = new BytesRef[words.length];
    for (int w = 0; w < words.length; w++) {
      labels[w] = label(words[w]);
    }
  }

  /**
   * The offsets of {@code words} (each a word's or exact phrase's terms, in order) in {@code field}
   * of {@code reader}.
   *
   * @throws IOException if the terms dictionary cannot be read
   */
  static WordOffsets of(LeafReader reader, String field, List<BytesRef[]> words)
      throws IOException {
    Terms indexed = reader.terms(field);
    List<BytesRef> distinct = words.stream().flatMap(Arrays::stream).distinct().toList();
    int[][] indexes = new int[words.size()][];
    for (int w = 0; w < indexes.length; w++) {
      BytesRef[] word = words.get(w);
      indexes[w] = new int[word.length];
      for (int i = 0; i < word.length; i++) {
        indexes[w][i] = distinct.indexOf(word[i]);
      }
    }
    return new WordOffsets(
        indexed == null ? null : indexed.iterator(), distinct.toArray(BytesRef[]::new), indexes);
  }

  /**
   * Adds to {@code out} an enum of each word's and phrase's occurrences in {@code doc}, in order of
   * offset; they stay valid until the next call.
   */
  void addTo(int doc, List<OffsetsEnum> out) throws IOException {
    for (int t = 0; t < terms.length; t++) {
      read(t, doc);
    }
    for (int w = 0; w < words.length; w++) {
      int[] word = words[w];
      if (word.length == 1) {
        Occurrences of = found[word[0]];
        if (of.count > 0) {
          out.add(new Offsets(labels[w], of.starts, of.ends, of.count));
        }
      } else {
        addPhrase(w, out);
      }
    }
  }

  /** Reads term {@code t}'s occurrences in {@code doc} (none when it is not there). */
  private void read(int t, int doc) throws IOException {
    Occurrences of = found[t];
    of.count = 0;
    PostingsEnum enumerated = postings[t];
    if (enumerated == null) {
      return;
    }
    if (enumerated.docID() >= doc) {
      termsEnum.seekExact(terms[t], states[t]);
      enumerated = postings[t] = termsEnum.postings(enumerated, PostingsEnum.OFFSETS);
    }
    if (enumerated.advance(doc) == doc) {
      of.read(enumerated);
    }
  }

  /** The phrase's occurrences: its syllables' occurrences at consecutive positions. */
  private void addPhrase(int w, List<OffsetsEnum> out) {
    int[] phrase = words[w];
    Occurrences head = found[phrase[0]];
    Occurrences tail = found[phrase[phrase.length - 1]];
    int[] starts = null;
    int[] ends = null;
    int count = 0;
    for (int j = 0; j < head.count; j++) {
      int last = follows(phrase, head.positions[j]);
      if (last >= 0) {
        if (starts == null) {
          starts = new int[head.count];
          ends = new int[head.count];
        }
        starts[count] = head.starts[j];
        ends[count++] = tail.ends[last];
      }
    }
    if (count > 0) {
      out.add(new Offsets(labels[w], starts, ends, count));
    }
  }

  /**
   * The index of the phrase's last syllable among its term's occurrences when every syllable
   * follows the first at {@code position}; -1 otherwise.
   */
  private int follows(int[] phrase, int position) {
    int at = -1;
    for (int i = 1; i < phrase.length; i++) {
      Occurrences of = found[phrase[i]];
      at = Arrays.binarySearch(of.positions, 0, of.count, position + i);
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }

  /** The terms joined by spaces, as Lucene's highlighter labels a phrase's match. */
  private BytesRef label(int[] word) {
    if (word.length == 1) {
      return terms[word[0]];
    }
    StringBuilder joined = new StringBuilder();
    for (int t : word) {
      if (!joined.isEmpty()) {
        joined.append(' ');
      }
      joined.append(terms[t].utf8ToString());
    }
    return new BytesRef(joined);
  }

  /** One term's positions and offsets in the current document, in increasing order. */
  private static final class Occurrences {
    int[] positions = new int[16];
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count;

    void read(PostingsEnum enumerated) throws IOException {
      int freq = enumerated.freq();
      if (freq > positions.length) {
        int size = ArrayUtil.oversize(freq, Integer.BYTES);
        positions = new int[size];
        starts = new int[size];
        ends = new int[size];
      }
      for (int i = 0; i < freq; i++) {
        positions[i] = enumerated.nextPosition();
        starts[i] = enumerated.startOffset();
        ends[i] = enumerated.endOffset();
      }
      count = freq;
    }
  }

  /** Given offsets of one word or phrase, as the highlighter reads them. */
  private static final class Offsets extends OffsetsEnum {
    private final BytesRef label;
    private final int[] starts;
    private final int[] ends;
    private final int count;
    private int at = -1;

    Offsets(BytesRef label, int[] starts, int[] ends, int count) {
      this.label = label;
      this.starts = starts;
      this.ends = ends;
      this.count = count;
    }

    @Override
    public boolean nextPosition() {
      return ++at < count;
    }

    @Override
    public int freq() {
      return count;
    }

    @Override
    public BytesRef getTerm() {
      return label;
    }

    @Override
    public int startOffset() {
      return starts[at];
    }

    @Override
    public int endOffset() {
      return ends[at];
    }
  }
}
