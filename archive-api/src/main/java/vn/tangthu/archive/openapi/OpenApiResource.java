package vn.tangthu.archive.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /openapi.yaml}: the API's OpenAPI 3.1 description ({@code docs/openapi.yaml}, copied
 * into the jar by the build), to anyone, without a token: it names endpoints, not data. Answers
 * with an {@code ETag} and {@code 304} on {@code If-None-Match}. Thread-safe.
 */
@Path("/openapi.yaml")
public final class OpenApiResource {

  /** Where the build puts the file on the class path. */
  public static final String RESOURCE = "/vn/tangthu/archive/openapi/openapi.yaml";

  public static final String MEDIA_TYPE = "application/yaml";

  private final byte[] yaml;
  private final EntityTag etag;

  public OpenApiResource() {
    this.yaml = load();
    this.etag = new EntityTag(sha256(yaml));
  }

  @GET
  @Produces(MEDIA_TYPE)
  public Response get(@jakarta.ws.rs.core.Context Request request) {
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(yaml, MEDIA_TYPE + "; charset=UTF-8").tag(etag).build();
  }

  /** The file's bytes. */
  public static byte[] load() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE + " (built from docs/openapi.yaml)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
