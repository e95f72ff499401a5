package vn.tangthu.intake.internal.bagit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.internal.container.EntryNames;

/**
 * One payload or tag manifest (RFC 8493 §2.1.3, §2.2.1): lines {@code checksum filepath}, separated
 * by white space, file paths percent-encoding only CR, LF and {@code %}.
 *
 * @param file the manifest's name, for messages
 * @param algorithm the algorithm name as in the file name ({@code sha256})
 * @param digests the digest of every listed path (normalised, relative to the bag), in file order
 */
record Manifest(String file, String algorithm, Map<String, byte[]> digests) {

  /** Manifest algorithm names (RFC 8493 §2.4) and their Java names. */
  static String javaName(String algorithm) {
    return switch (algorithm) {
      case "md5" -> "MD5";
      case "sha1" -> "SHA-1";
      case "sha224" -> "SHA-224";
      case "sha256" -> "SHA-256";
      case "sha384" -> "SHA-384";
      case "sha512" -> "SHA-512";
      default -> null;
    };
  }

  static int hexLength(String algorithm) {
    return switch (algorithm) {
      case "md5" -> 32;
      case "sha1" -> 40;
      case "sha224" -> 56;
      case "sha256" -> 64;
      case "sha384" -> 96;
      default -> 128;
    };
  }

  static Manifest parse(InputStream in, String file, String algorithm, int maxLines)
      throws IOException, PackageException {
    Map<String, byte[]> digests = new LinkedHashMap<>();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (digests.size() >= maxLines) {
        throw invalid(file + " lists more than " + maxLines + " files, the entry limit");
      }
      String where = file + " line " + lineNumber;
      String[] parts = line.strip().split("[ \t]+", 2);
      if (parts.length != 2) {
        throw invalid(where + " is not 'checksum path'");
      }
      String hex = parts[0].toLowerCase(Locale.ROOT);
      if (hex.length() != hexLength(algorithm) || !hex.chars().allMatch(Manifest::isHex)) {
        throw invalid(where + ": '" + parts[0] + "' is not a " + algorithm + " checksum");
      }
      String path = decode(parts[1]);
      String name = EntryNames.normalize(path);
      if (name == null) {
        throw invalid(where + ": the path '" + path + "' is unsafe");
      }
      if (digests.put(name, HexFormat.of().parseHex(hex)) != null) {
        throw invalid(where + " lists " + name + " a second time");
      }
    }
    return new Manifest(file, algorithm, digests);
  }

  /** Undoes the percent-encoding RFC 8493 allows in manifest paths: %0A, %0D and %25. */
  static String decode(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    return path.replaceAll("(?i)%0A", "\n").replaceAll("(?i)%0D", "\r").replace("%25", "%");
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  static PackageException invalid(String message) {
    return new PackageException(PackageErrorCode.BAG_INVALID, message);
  }
}
