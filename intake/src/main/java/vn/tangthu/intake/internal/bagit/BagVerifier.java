package vn.tangthu.intake.internal.bagit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.ItemError;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.internal.container.Container;
import vn.tangthu.intake.internal.container.Entry;
import vn.tangthu.intake.internal.container.EntryNames;

/**
 * Verifies a BagIt bag (RFC 8493) inside a zip or tar without unpacking it: {@code bagit.txt}
 * (version 0.97 or 1.0, UTF-8 tag files), no {@code fetch.txt}, at least one payload manifest with
 * a sha256 or sha512 one among them, every algorithm supported, every payload file listed in every
 * manifest and every listed file present, {@code Payload-Oxum} when given, tag manifests; then,
 * when asked, every payload file is read once, through all the manifests' digests together.
 *
 * <p>The Library of Congress {@code gov.loc:bagit} library is not used here because it verifies
 * bags on a file system ({@code Path}s it walks and opens); the tests use it as an independent
 * check of the same bags. A payload file over the entry limits is not hashed: it cannot be imported
 * and becomes an item error; every file that can be imported is verified.
 */
public final class BagVerifier {

  private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");
  private static final int SMALL_TAG_FILE = 64 * 1024;

  private final Container container;
  private final String prefix;
  private final IntakeLimits limits;
  private final Map<String, Entry> files = new LinkedHashMap<>();

  private BagVerifier(Container container, String prefix, IntakeLimits limits) {
    this.container = container;
    this.prefix = prefix;
    this.limits = limits;
  }

  /**
   * Checks the bag whose {@code bagit.txt} is at {@code prefix} in {@code container}.
   *
   * @param hash whether to read every payload file and compare its digests
   * @throws PackageException {@code BAG_INVALID} naming the file and rule at fault
   * @throws IOException when the package's channel fails
   */
  public static Bag verify(Container container, String prefix, IntakeLimits limits, boolean hash)
      throws IOException, PackageException {
    return new BagVerifier(container, prefix, limits).run(hash);
  }

  private Bag run(boolean hash) throws IOException, PackageException {
    indexFiles();
    checkDeclaration();
    if (files.containsKey(prefix + "fetch.txt")) {
      throw Manifest.invalid(
          "the bag has a fetch.txt: files to download are refused, the bag must be complete");
    }
    List<Manifest> payload = manifests(false);
    List<Manifest> tags = manifests(true);
    if (payload.isEmpty()) {
      throw Manifest.invalid("the bag has no payload manifest (manifest-sha256.txt)");
    }
    if (payload.stream().noneMatch(m -> m.algorithm().matches("sha256|sha512"))) {
      throw Manifest.invalid("the bag has no sha256 or sha512 payload manifest");
    }
    List<Entry> payloadFiles = payloadFiles(payload);
    checkComplete(payload, payloadFiles);
    checkOxum(payloadFiles);
    checkTags(tags);
    Map<Integer, ItemError> problems = new HashMap<>();
    if (hash) {
      for (Entry e : payloadFiles) {
        hashPayload(e, payload, problems);
      }
    }
    return new Bag(prefix, payloadFiles, sha256(payload), problems);
  }

  private void indexFiles() throws PackageException {
    for (Entry e : container.entries()) {
      String name = e.name() == null ? e.rawName() : e.name();
      if (e.directory() || !name.startsWith(prefix)) {
        continue;
      }
      if (e.unsafe() != null) {
        throw Manifest.invalid(
            "entry '"
                + e.displayName()
                + "' is not a plain file with a safe path: it has "
                + e.unsafe());
      }
      if (files.put(e.name(), e) != null) {
        throw Manifest.invalid("the bag has two entries named " + e.name());
      }
    }
  }

  private void checkDeclaration() throws IOException, PackageException {
    String text = tagText("bagit.txt");
    Map<String, String> fields = new HashMap<>();
    for (String line : text.split("\r\n|\r|\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    String version = fields.get("BagIt-Version");
    if (version == null || !version.matches("0\\.97|1\\.0")) {
      throw Manifest.invalid(
          "bagit.txt: BagIt-Version "
              + (version == null ? "is missing" : version + " is not supported (0.97 or 1.0)"));
    }
    String encoding = fields.get("Tag-File-Character-Encoding");
    if (encoding == null || !encoding.equalsIgnoreCase("UTF-8")) {
      throw Manifest.invalid("bagit.txt: Tag-File-Character-Encoding must be UTF-8");
    }
  }

  private String tagText(String name) throws IOException, PackageException {
    Entry e = files.get(prefix + name);
    if (e == null) {
      throw Manifest.invalid(name + " is missing");
    }
    try (InputStream in = container.open(e)) {
      byte[] b = in.readNBytes(SMALL_TAG_FILE + 1);
      if (b.length > SMALL_TAG_FILE) {
        throw Manifest.invalid(name + " is larger than " + SMALL_TAG_FILE + " bytes");
      }
      return new String(b, StandardCharsets.UTF_8);
    } catch (ItemReadException ex) {
      throw Manifest.invalid(name + ": " + ex.getMessage());
    }
  }

  private List<Manifest> manifests(boolean tag) throws IOException, PackageException {
    List<Manifest> found = new ArrayList<>();
    for (Entry e : files.values()) {
      String rel = e.name().substring(prefix.length());
      Matcher m = MANIFEST.matcher(rel);
      if (!m.matches() || (m.group(1) != null) != tag) {
        continue;
      }
      String algorithm = m.group(2);
      if (Manifest.javaName(algorithm) == null) {
        throw Manifest.invalid(rel + ": algorithm " + algorithm + " is not supported");
      }
      try (InputStream in = container.open(e)) {
        found.add(Manifest.parse(in, rel, algorithm, limits.maxEntries()));
      } catch (ItemReadException ex) {
        throw Manifest.invalid(rel + ": " + ex.getMessage());
      }
    }
    return found;
  }

  /**
   * The files under {@code data/}, less operating-system clutter ({@code .DS_Store}, …) that no
   * manifest lists.
   */
  private List<Entry> payloadFiles(List<Manifest> manifests) {
    String data = prefix + "data/";
    return files.values().stream()
        .filter(e -> e.name().startsWith(data))
        .filter(
            e ->
                !EntryNames.isClutter(e.name())
                    || manifests.stream().anyMatch(m -> m.digests().containsKey(rel(e))))
        .toList();
  }

  private void checkComplete(List<Manifest> manifests, List<Entry> payload)
      throws PackageException {
    for (Manifest m : manifests) {
      for (String listed : m.digests().keySet()) {
        if (!listed.startsWith("data/")) {
          throw Manifest.invalid(m.file() + " lists " + listed + ", which is not under data/");
        }
        if (!files.containsKey(prefix + listed)) {
          throw Manifest.invalid(m.file() + " lists " + listed + ", which is not in the bag");
        }
      }
      for (Entry e : payload) {
        if (!m.digests().containsKey(rel(e))) {
          throw Manifest.invalid(rel(e) + " is in the bag but not listed in " + m.file());
        }
      }
    }
  }

  private void checkOxum(List<Entry> payload) throws IOException, PackageException {
    if (!files.containsKey(prefix + "bag-info.txt")) {
      return;
    }
    Matcher m =
        Pattern.compile("(?m)^Payload-Oxum\\s*:\\s*(\\d+)\\.(\\d+)\\s*$")
            .matcher(tagText("bag-info.txt"));
    if (!m.find()) {
      return;
    }
    long octets = payload.stream().mapToLong(e -> Math.max(0, e.size())).sum();
    if (Long.parseLong(m.group(1)) != octets || Long.parseLong(m.group(2)) != payload.size()) {
      throw Manifest.invalid(
          "bag-info.txt: Payload-Oxum "
              + m.group(1)
              + "."
              + m.group(2)
              + " does not match the payload ("
              + octets
              + " bytes in "
              + payload.size()
              + " files)");
    }
  }

  private void checkTags(List<Manifest> tags) throws IOException, PackageException {
    for (Manifest m : tags) {
      for (Map.Entry<String, byte[]> listed : m.digests().entrySet()) {
        Entry e = files.get(prefix + listed.getKey());
        if (e == null || listed.getKey().startsWith("data/")) {
          throw Manifest.invalid(
              m.file() + " lists " + listed.getKey() + ", which is not a tag file of the bag");
        }
        byte[] actual = digest(e, List.of(m)).get(0);
        if (!MessageDigest.isEqual(actual, listed.getValue())) {
          throw mismatch(listed.getKey(), m, actual);
        }
      }
    }
  }

  private void hashPayload(Entry e, List<Manifest> manifests, Map<Integer, ItemError> problems)
      throws IOException, PackageException {
    ItemError problem = container.problem(e);
    if (problem != null) {
      problems.put(e.ordinal(), problem);
      return;
    }
    List<byte[]> actual;
    try {
      actual = digest(e, manifests);
    } catch (ItemReadException ex) {
      problems.put(e.ordinal(), ex.error());
      return;
    }
    for (int i = 0; i < manifests.size(); i++) {
      Manifest m = manifests.get(i);
      if (!MessageDigest.isEqual(actual.get(i), m.digests().get(rel(e)))) {
        throw mismatch(rel(e), m, actual.get(i));
      }
    }
  }

  /** Reads {@code e} once, through one digest per manifest. */
  private List<byte[]> digest(Entry e, List<Manifest> manifests) throws IOException {
    List<MessageDigest> digests = new ArrayList<>();
    for (Manifest m : manifests) {
      try {
        digests.add(MessageDigest.getInstance(Manifest.javaName(m.algorithm())));
      } catch (NoSuchAlgorithmException ex) {
        throw new IllegalStateException(ex);
      }
    }
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = container.open(e)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (MessageDigest d : digests) {
          d.update(buf, 0, n);
        }
      }
    }
    return digests.stream().map(MessageDigest::digest).toList();
  }

  private static PackageException mismatch(String path, Manifest m, byte[] actual) {
    return Manifest.invalid(
        path
            + ": its "
            + m.algorithm()
            + " is "
            + HexFormat.of().formatHex(actual)
            + ", "
            + m.file()
            + " says "
            + HexFormat.of().formatHex(m.digests().get(path)));
  }

  private String rel(Entry e) {
    return e.name().substring(prefix.length());
  }

  private Map<Integer, byte[]> sha256(List<Manifest> manifests) {
    Map<Integer, byte[]> out = new HashMap<>();
    for (Manifest m : manifests) {
      if (m.algorithm().equals("sha256")) {
        for (Map.Entry<String, byte[]> d : m.digests().entrySet()) {
          out.put(files.get(prefix + d.getKey()).ordinal(), d.getValue());
        }
      }
    }
    return out;
  }
}
