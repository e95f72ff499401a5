package vn.tangthu.archive.record;

import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition} with the original file name (RFC 6266 and RFC 5987, UTF-8). */
final class ContentDisposition {

  private ContentDisposition() {}

  static String attachment(String fileName, String fallback) {
    String name = fileName == null || fileName.isBlank() ? fallback : fileName;
    StringBuilder ascii = new StringBuilder();
    for (char c : name.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(name);
  }

  private static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
