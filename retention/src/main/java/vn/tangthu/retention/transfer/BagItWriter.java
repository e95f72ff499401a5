package vn.tangthu.retention.transfer;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.tangthu.retention.schedule.VietnamTime;
import vn.tangthu.retention.transfer.internal.Hashing;
import vn.tangthu.retention.transfer.internal.Names;
import vn.tangthu.retention.transfer.internal.TarSink;

/**
 * Writes a BagIt 1.0 bag (RFC 8493) of any record set as a POSIX tar: {@code <bag>/bagit.txt},
 * {@code data/<recordId>/<name>}, {@code manifest-sha256.txt}, {@code bag-info.txt} (Bagging-Date
 * in Vietnam, Payload-Oxum, Bag-Software-Agent and the caller's entries) and {@code
 * tagmanifest-sha256.txt}. Payload streams from each item's {@link ContentSource} and is checked
 * against its size and (when given) SHA-256. Thread-safe; one call writes one archive.
 */
public final class BagItWriter {
  private static final String BAGIT_TXT =
      "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

  private final Clock clock;
  private final String softwareAgent;

  /**
   * @param softwareAgent the {@code Bag-Software-Agent} value, e.g. {@code Tàng Thư 0.1.0}
   */
  public BagItWriter(Clock clock, String softwareAgent) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.softwareAgent = Checks.text(softwareAgent, "softwareAgent");
  }

  /**
   * Writes the bag into a tar on {@code out} (left open).
   *
   * @param bagName the bag's folder name in the tar (sanitised)
   * @param bagInfo extra {@code bag-info.txt} entries in order (e.g. Source-Organization,
   *     External-Identifier); labels and values must be single-line
   * @throws IllegalArgumentException for a multi-line or empty label or value, or a record twice
   * @throws TransferException when content does not match its declaration or cannot be read or
   *     written; the output is then incomplete and must be discarded
   */
  public void writeTar(
      String bagName, Map<String, String> bagInfo, List<BagItem> items, OutputStream out) {
    String root = Names.segment(Checks.text(bagName, "bagName")) + "/";
    Map<String, String> info = validInfo(bagInfo);
    Set<String> ids = new HashSet<>();
    items.forEach(
        i -> {
          if (!ids.add(i.recordId())) {
            throw new IllegalArgumentException("record " + i.recordId() + " is listed twice");
          }
        });
    Instant now = clock.instant();
    TarSink tar = new TarSink(out);
    byte[] bagit = BAGIT_TXT.getBytes(StandardCharsets.UTF_8);
    tar.addBytes(root + "bagit.txt", bagit, now);
    tar.addDirectory(root + "data/", now);

    StringBuilder manifest = new StringBuilder();
    long octets = 0;
    for (BagItem item : items) {
      String path = "data/" + Names.segment(item.recordId()) + "/" + Names.segment(item.fileName());
      String sha =
          tar.addStream(root + path, item.size(), item.sha256().orElse(null), item.content(), now);
      manifest.append(sha).append("  ").append(encodePath(path)).append('\n');
      octets += item.size();
    }
    byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
    tar.addBytes(root + "manifest-sha256.txt", manifestBytes, now);

    StringBuilder infoText = new StringBuilder();
    infoText.append("Bagging-Date: ").append(VietnamTime.dateOf(now)).append('\n');
    infoText.append("Payload-Oxum: ").append(octets).append('.').append(items.size()).append('\n');
    infoText.append("Bag-Software-Agent: ").append(softwareAgent).append('\n');
    info.forEach((k, v) -> infoText.append(k).append(": ").append(v).append('\n'));
    byte[] infoBytes = infoText.toString().getBytes(StandardCharsets.UTF_8);
    tar.addBytes(root + "bag-info.txt", infoBytes, now);

    String tagManifest =
        Hashing.sha256Hex(bagit)
            + "  bagit.txt\n"
            + Hashing.sha256Hex(manifestBytes)
            + "  manifest-sha256.txt\n"
            + Hashing.sha256Hex(infoBytes)
            + "  bag-info.txt\n";
    tar.addBytes(
        root + "tagmanifest-sha256.txt", tagManifest.getBytes(StandardCharsets.UTF_8), now);
    tar.finish();
  }

  /** RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded. */
  static String encodePath(String path) {
    return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static Map<String, String> validInfo(Map<String, String> bagInfo) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> reserved =
        List.copyOf(List.of("Bagging-Date", "Payload-Oxum", "Bag-Software-Agent"));
    bagInfo.forEach(
        (k, v) -> {
          if (k == null
              || k.isBlank()
              || k.contains(":")
              || k.strip().length() != k.length()
              || multiLine(k)) {
            throw new IllegalArgumentException("invalid bag-info label: " + k);
          }
          if (v == null || multiLine(v)) {
            throw new IllegalArgumentException("bag-info value of " + k + " must be one line");
          }
          if (reserved.contains(k)) {
            throw new IllegalArgumentException(k + " is written by the writer itself");
          }
          out.put(k, v);
        });
    return out;
  }

  private static boolean multiLine(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }
}
