package vn.tangthu.archive.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.tsp.ers.ERSByteData;
import org.bouncycastle.tsp.ers.ERSData;

/**
 * A batch's distinct leaves in descending order of hash, and which leaf holds each record and the
 * audit head. Bouncy Castle inserts each leaf into a sorted linked list, walking it from the start
 * unless the leaf sorts first: given in descending order, every leaf does, and building the list
 * takes linear time instead of cubic.
 *
 * @param data the leaves, descending by hash
 * @param ofItem the leaf of each item, by the item's index
 * @param ofHead the leaf of the audit head; -1 without one
 */
record Leaves(List<ERSData> data, int[] ofItem, int ofHead) {

  static Leaves of(List<EvidenceItem> items, byte[] auditHead, DigestCalculator sha256)
      throws IOException {
    Map<String, Leaf> byHash = new HashMap<>();
    for (EvidenceItem item : items) {
      byte[] hash = item.digest();
      byHash.computeIfAbsent(
          key(hash), k -> new Leaf(hash, EvidenceRecords.KnownDigests.sha256(hash)));
    }
    String headKey = null;
    if (auditHead != null) {
      byte[] hash = digest(sha256, auditHead);
      headKey = key(hash);
      byHash.putIfAbsent(headKey, new Leaf(hash, new ERSByteData(auditHead)));
    }
    List<Leaf> sorted = new ArrayList<>(byHash.values());
    sorted.sort((a, b) -> Arrays.compareUnsigned(b.hash, a.hash));
    Map<String, Integer> index = new HashMap<>();
    List<ERSData> data = new ArrayList<>(sorted.size());
    for (Leaf leaf : sorted) {
      index.put(key(leaf.hash), data.size());
      data.add(leaf.data);
    }
    int[] ofItem = new int[items.size()];
    for (int i = 0; i < ofItem.length; i++) {
      ofItem[i] = index.get(key(items.get(i).digest()));
    }
    return new Leaves(data, ofItem, headKey == null ? -1 : index.get(headKey));
  }

  private static String key(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  private static byte[] digest(DigestCalculator calculator, byte[] bytes) throws IOException {
    try (OutputStream out = calculator.getOutputStream()) {
      out.write(bytes);
    }
    return calculator.getDigest();
  }

  private record Leaf(byte[] hash, ERSData data) {}
}
