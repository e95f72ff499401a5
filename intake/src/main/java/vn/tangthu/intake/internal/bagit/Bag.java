package vn.tangthu.intake.internal.bagit;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.tangthu.intake.ItemError;
import vn.tangthu.intake.internal.container.Entry;

/**
 * A verified bag.
 *
 * @param prefix where the bag starts in the container ({@code ""} or {@code top/})
 * @param payload the payload files, in container order
 * @param sha256 each payload file's SHA-256 from {@code manifest-sha256.txt}, by entry ordinal
 *     (empty without that manifest)
 * @param problems payload files that were not hashed because they cannot be imported (over a limit,
 *     unreadable), by entry ordinal
 */
public record Bag(
    String prefix,
    List<Entry> payload,
    Map<Integer, byte[]> sha256,
    Map<Integer, ItemError> problems) {

  public Bag {
    payload = List.copyOf(payload);
    sha256 = Map.copyOf(sha256);
    problems = Map.copyOf(problems);
  }

  /** The payload folder with its trailing slash. */
  public String data() {
    return prefix + "data/";
  }

  /** The manifest's SHA-256 of {@code entry} in lowercase hex, or {@code null}. */
  public String sha256Of(Entry entry) {
    byte[] d = sha256.get(entry.ordinal());
    return d == null ? null : HexFormat.of().formatHex(d);
  }
}
