package vn.tangthu.intake;

import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BagIt bags for tests, written by hand (RFC 8493) and checkable with the Library of Congress
 * verifier after unpacking, as an independent opinion on what a valid bag is.
 */
final class Bags {

  final Map<String, byte[]> payload = new LinkedHashMap<>();
  final Map<String, byte[]> extraTags = new LinkedHashMap<>();
  List<String> algorithms = List.of("sha256", "sha512");
  String top = "";
  boolean oxum = true;
  boolean tagManifest = true;

  Bags add(String path, String content) {
    payload.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** All files of the bag, manifests computed from the payload as it is now. */
  Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("bagit.txt", utf8("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
    long octets = payload.values().stream().mapToLong(b -> b.length).sum();
    String info = "Source-Organization: Sở Nội vụ tỉnh Bắc Ninh\nBagging-Date: 2025-01-02\n";
    if (oxum) {
      info += "Payload-Oxum: " + octets + "." + payload.size() + "\n";
    }
    files.put("bag-info.txt", utf8(info));
    for (String alg : algorithms) {
      StringBuilder m = new StringBuilder();
      payload.forEach((p, b) -> m.append(hex(alg, b)).append("  ").append(p).append('\n'));
      files.put("manifest-" + alg + ".txt", utf8(m.toString()));
    }
    files.putAll(extraTags);
    if (tagManifest) {
      StringBuilder t = new StringBuilder();
      files.forEach((p, b) -> t.append(hex("sha256", b)).append(' ').append(p).append('\n'));
      files.put("tagmanifest-sha256.txt", utf8(t.toString()));
    }
    files.putAll(payload);
    return files;
  }

  Archives archive() {
    return archive(files());
  }

  Archives archive(Map<String, byte[]> files) {
    Archives a = new Archives();
    files.forEach((p, b) -> a.add(top + p, b));
    return a;
  }

  /** The Library of Congress verifier's verdict on the bag unpacked: null when valid. */
  String locVerdict(Path dir, Map<String, byte[]> files) throws IOException {
    Path root = Files.createTempDirectory(dir, "loc-bag-");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
    try (BagVerifier verifier = new BagVerifier()) {
      gov.loc.repository.bagit.domain.Bag bag = new BagReader().read(root);
      if (BagVerifier.canQuickVerify(bag)) {
        BagVerifier.quicklyVerify(bag);
      }
      verifier.isValid(bag, false);
      return null;
    } catch (Exception e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String hex(String alg, byte[] bytes) {
    String name =
        switch (alg) {
          case "md5" -> "MD5";
          case "sha1" -> "SHA-1";
          case "sha256" -> "SHA-256";
          default -> "SHA-512";
        };
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
