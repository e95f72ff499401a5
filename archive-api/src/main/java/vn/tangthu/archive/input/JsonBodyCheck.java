package vn.tangthu.archive.input;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import vn.tangthu.archive.error.ApiException;

/**
 * Checks every JSON request body with {@link StrictJson} before a resource sees it, so no resource
 * can forget to: a malformed body is a 400 {@code INVALID_REQUEST}, one larger than {@link
 * #MAX_BYTES} a 413 {@code REQUEST_TOO_LARGE}. Bodies of other media types pass untouched.
 */
public final class JsonBodyCheck implements ReaderInterceptor {

  /** The largest JSON body read (a hold of 10,000 record ids is about 400 KiB). */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private final StrictJson json;

  public JsonBodyCheck(StrictJson json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!isJson(context.getMediaType())) {
      return context.proceed();
    }
    byte[] body = read(context.getInputStream());
    if (body.length > 0) {
      try {
        json.readTree(body);
      } catch (StrictJson.Malformed e) {
        ApiException refused =
            ApiException.badRequest(
                "INVALID_REQUEST",
                "The JSON body " + e.reasonEn() + ".",
                "Nội dung JSON " + e.reasonVi() + ".");
        throw e.field() == null ? refused : refused.with("field", e.field());
      }
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  static boolean isJson(MediaType type) {
    if (type == null) {
      return false;
    }
    String sub = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
    return sub.equals("json") || sub.endsWith("+json");
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw ApiException.of(
          413,
          "REQUEST_TOO_LARGE",
          "A JSON body may have at most " + MAX_BYTES + " bytes.",
          "Nội dung JSON tối đa " + MAX_BYTES + " byte.");
    }
    return body;
  }
}
