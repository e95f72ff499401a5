package vn.tangthu.indexer.search.internal;

import org.apache.lucene.util.NumericUtils;

/**
 * The best hits of a segment by (score descending, ordinal ascending): a min-heap of keys packing
 * the sortable score above the inverted ordinal. One segment scan's; not thread-safe.
 */
final class BestHits {
  private long[] keys = new long[0];
  private int[] docs = new int[0];
  private int size;
  private int capacity;

  void reset(int n) {
    capacity = n;
    size = 0;
    keys = new long[n];
    docs = new int[n];
  }

  int size() {
    return size;
  }

  boolean full() {
    return capacity > 0 && size == capacity;
  }

  /** The lowest score held; only when {@link #full}. */
  float lowest() {
    return score(0);
  }

  /** Whether a hit of this score could enter (ties are decided by ordinal in {@link #offer}). */
  boolean mayTake(float s) {
    return capacity > 0 && (size < capacity || NumericUtils.floatToSortableInt(s) >= top(0));
  }

  void offer(float s, int ord, int doc) {
    long key = key(s, ord);
    if (size < capacity) {
      keys[size] = key;
      docs[size] = doc;
      up(size++);
    } else if (key > keys[0]) {
      keys[0] = key;
      docs[0] = doc;
      down(0);
    }
  }

  float score(int i) {
    return NumericUtils.sortableIntToFloat(top(i));
  }

  int ord(int i) {
    return Integer.MAX_VALUE - (int) (keys[i] & 0xffffffffL);
  }

  int doc(int i) {
    return docs[i];
  }

  private int top(int i) {
    return (int) (keys[i] >> 32);
  }

  private static long key(float s, int ord) {
    return ((long) NumericUtils.floatToSortableInt(s) << 32) | (Integer.MAX_VALUE - ord);
  }

  private void up(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= keys[i]) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void down(int i) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && keys[child + 1] < keys[child]) {
        child++;
      }
      if (keys[i] <= keys[child]) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }

  private void swap(int a, int b) {
    long k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
    int d = docs[a];
    docs[a] = docs[b];
    docs[b] = d;
  }
}
