package vn.tangthu.archive.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@code application/problem+json} responses, the one error shape of the API. */
public final class Problems {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private Problems() {}

  /** The response for {@code e} in the language the request prefers. */
  public static Response response(ApiException e, HttpHeaders headers) {
    boolean vi = headers == null || Messages.prefersVietnamese(headers.getAcceptableLanguages());
    return response(e, vi);
  }

  public static Response response(ApiException e, boolean vietnamese) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://tangthu.vn/problems/" + e.code().toLowerCase().replace('_', '-'));
    body.put("title", Messages.title(e.code(), vietnamese));
    body.put("status", e.status());
    body.put("detail", e.detail(vietnamese));
    body.put("code", e.code());
    body.putAll(e.extra());
    return Response.status(e.status())
        .type(PROBLEM_JSON)
        .header(HttpHeaders.CONTENT_LANGUAGE, vietnamese ? "vi" : "en")
        .entity(body)
        .build();
  }
}
