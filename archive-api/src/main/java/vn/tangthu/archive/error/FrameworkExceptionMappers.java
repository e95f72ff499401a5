package vn.tangthu.archive.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what Jersey, Jackson and the JVM throw to the same problem shape: never a stack trace, never
 * a 500 for bad input.
 */
public final class FrameworkExceptionMappers {

  private FrameworkExceptionMappers() {}

  /** All mappers of this family, to register at start-up. */
  public static List<Object> all() {
    return List.of(
        new ApiExceptionMapper(),
        new ForbiddenMapper(),
        new Json(),
        new Validation(),
        new Web(),
        new Unexpected());
  }

  /** Malformed JSON bodies. */
  public static final class Json implements ExceptionMapper<JsonProcessingException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      return Problems.response(
          ApiException.badRequest(
              "INVALID_REQUEST",
              "The JSON body is malformed" + where + ": " + e.getOriginalMessage(),
              "Nội dung JSON không hợp lệ" + where + ": " + e.getOriginalMessage()),
          headers);
    }
  }

  /** Bean validation failures. */
  public static final class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      return Problems.response(ApiException.of(400, "INVALID_REQUEST", e.getMessage()), headers);
    }
  }

  /** Unknown paths, wrong methods, unacceptable types. */
  public static final class Web implements ExceptionMapper<WebApplicationException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String code =
          switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST";
          };
      String detail = status >= 500 ? "The server could not complete the request." : e.getMessage();
      return Problems.response(ApiException.of(status, code, detail), headers);
    }
  }

  /** Anything else: logged with its stack trace, answered without it. */
  public static final class Unexpected implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof WebApplicationException w) {
        return new Web().toResponse(w);
      }
      LOG.error("Unexpected error", e);
      return Problems.response(
          ApiException.of(
              500,
              "INTERNAL_ERROR",
              "The server could not complete the request.",
              "Máy chủ không thể hoàn tất yêu cầu."),
          headers);
    }
  }
}
