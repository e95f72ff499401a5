package vn.tangthu.archive.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayOutputStream;
import vn.tangthu.archive.error.ApiException;

/**
 * Refuses, before any resource is matched, a request whose path segments or query parameters (names
 * and values, once percent-decoded) are not well-formed UTF-8 or hold a control character (U+0000
 * to U+001F, U+007F): no parameter of the API may carry one, and U+0000 cannot even be stored. A
 * 400 {@code INVALID_REQUEST} naming the parameter ({@code INVALID_CURSOR} for {@code cursor}).
 */
@PreMatching
public final class ParameterCheck implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    var uri = request.getUriInfo().getRequestUri();
    String path = uri.getRawPath();
    if (path != null) {
      for (String segment : path.split("/")) {
        check("path", segment, false);
      }
    }
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode("query", eq < 0 ? pair : pair.substring(0, eq), true);
        check("query", name, false);
        if (eq >= 0) {
          check(name, pair.substring(eq + 1), true);
        }
      }
    }
  }

  private static void check(String name, String raw, boolean form) {
    String value = raw;
    if (raw.indexOf('%') >= 0 || form) {
      value = decode(name, raw, form);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw refused(name, "holds a control character", "có ký tự điều khiển");
      }
    }
  }

  private static String decode(String name, String raw, boolean form) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()
            || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw refused(name, "has a malformed percent-encoding", "mã hóa phần trăm không hợp lệ");
        }
        bytes.write(
            Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+' && form) {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        int cp = raw.codePointAt(i);
        bytes.writeBytes(
            new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        i += Character.charCount(cp) - 1;
      }
    }
    try {
      return StrictJson.utf8(bytes.toByteArray());
    } catch (StrictJson.Malformed e) {
      throw refused(name, "is not well-formed UTF-8", "không phải UTF-8 hợp lệ");
    }
  }

  private static ApiException refused(String name, String en, String vi) {
    String code = name.equals("cursor") ? "INVALID_CURSOR" : "INVALID_REQUEST";
    String what = name.equals("path") ? "A path segment " : "The parameter " + name + " ";
    String whatVi = name.equals("path") ? "Một đoạn đường dẫn " : "Tham số " + name + " ";
    return ApiException.badRequest(code, what + en + ".", whatVi + vi + ".")
        .with("parameter", name);
  }
}
