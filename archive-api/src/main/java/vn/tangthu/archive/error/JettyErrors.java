package vn.tangthu.archive.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The errors Jetty answers itself, before or outside Jersey (a URI or header too long, an encoded
 * separator in a path, a NUL in a header, an unknown path outside the API, a refused method, a
 * servlet's {@code sendError}), written as the same {@code application/problem+json} as every other
 * error, with a stable {@code code} and a title and detail in the caller's language, whatever the
 * request's method or {@code Accept}. {@link #install} puts the one handler on the server (for
 * errors before any context) and on the application and admin contexts.
 */
public final class JettyErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Known(String code, String en, String vi) {}

  private static final Map<Integer, Known> BY_STATUS =
      Map.ofEntries(
          Map.entry(
              401, new Known("UNAUTHENTICATED", "Authentication is required.", "Cần xác thực.")),
          Map.entry(
              403,
              new Known("FORBIDDEN", "You may not do this.", "Bạn không có quyền làm việc này.")),
          Map.entry(404, new Known("NOT_FOUND", "No such resource.", "Không tìm thấy tài nguyên.")),
          Map.entry(
              405,
              new Known(
                  "METHOD_NOT_ALLOWED",
                  "This method is not allowed here.",
                  "Phương thức này không được phép ở đây.")),
          Map.entry(
              406,
              new Known(
                  "NOT_ACCEPTABLE",
                  "No representation matches the Accept header.",
                  "Không có dạng trả lời nào khớp tiêu đề Accept.")),
          Map.entry(
              408,
              new Known(
                  "REQUEST_TIMEOUT",
                  "The request was not received in time.",
                  "Yêu cầu không được gửi đến kịp thời gian.")),
          Map.entry(
              411,
              new Known(
                  "LENGTH_REQUIRED",
                  "The request needs a Content-Length.",
                  "Yêu cầu cần có Content-Length.")),
          Map.entry(
              413, new Known("REQUEST_TOO_LARGE", "The request is too large.", "Yêu cầu quá lớn.")),
          Map.entry(
              414,
              new Known(
                  "URI_TOO_LONG",
                  "The URL is too long; send long searches as POST /search with a JSON body.",
                  "Địa chỉ URL quá dài; hãy gửi tìm kiếm dài bằng POST /search với nội dung JSON.")),
          Map.entry(
              415,
              new Known(
                  "UNSUPPORTED_MEDIA",
                  "The request's media type is not supported here.",
                  "Kiểu nội dung của yêu cầu không được hỗ trợ ở đây.")),
          Map.entry(
              416,
              new Known(
                  "RANGE_NOT_SATISFIABLE",
                  "The requested range is not within the content.",
                  "Phạm vi yêu cầu nằm ngoài nội dung.")),
          Map.entry(
              417,
              new Known(
                  "EXPECTATION_FAILED",
                  "The Expect header cannot be met.",
                  "Không đáp ứng được tiêu đề Expect.")),
          Map.entry(
              429, new Known("TOO_MANY_REQUESTS", "Too many requests.", "Quá nhiều yêu cầu.")),
          Map.entry(
              431,
              new Known(
                  "HEADER_TOO_LARGE",
                  "The request's headers are too large.",
                  "Các tiêu đề của yêu cầu quá lớn.")),
          Map.entry(
              501,
              new Known(
                  "NOT_IMPLEMENTED",
                  "The server does not support this request.",
                  "Máy chủ không hỗ trợ yêu cầu này.")),
          Map.entry(
              503,
              new Known(
                  "UNAVAILABLE",
                  "The server cannot answer now; try again later.",
                  "Máy chủ tạm thời không thể trả lời; hãy thử lại sau.")),
          Map.entry(
              505,
              new Known(
                  "HTTP_VERSION_NOT_SUPPORTED",
                  "This HTTP version is not supported.",
                  "Phiên bản HTTP này không được hỗ trợ.")));

  private static final Known BAD_REQUEST =
      new Known("BAD_REQUEST", "The request is malformed.", "Yêu cầu không đúng định dạng HTTP.");
  private static final Known INVALID_PATH =
      new Known(
          "INVALID_PATH",
          "The path holds an encoded '/', '\\', '%', '.' segment or another ambiguous form.",
          "Đường dẫn chứa '/', '\\', '%', đoạn '.' đã mã hóa hoặc dạng mơ hồ khác.");
  private static final Known INTERNAL =
      new Known(
          "INTERNAL_ERROR",
          "The server could not complete the request.",
          "Máy chủ không thể hoàn tất yêu cầu.");

  private JettyErrors() {}

  /**
   * Makes every error page of {@code env}'s server, application and admin contexts a problem, and
   * every error status a servlet sets without a body (as the UI's asset servlet does for a missing
   * file).
   */
  public static void install(Environment env) {
    env.servlets()
        .addFilter("bodyless-errors", new BodylessErrors())
        .addMappingForUrlPatterns(java.util.EnumSet.of(DispatcherType.REQUEST), true, "/*");
    env.getApplicationContext().setErrorHandler(new ForContext());
    env.getAdminContext().setErrorHandler(new ForContext());
    env.lifecycle()
        .addEventListener(
            new LifeCycle.Listener() {
              @Override
              public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                  server.setErrorHandler(new ForServer());
                }
              }
            });
  }

  /** The problem document for {@code status}, in Vietnamese unless the request prefers English. */
  static byte[] problem(int status, String message, boolean vietnamese) {
    Known k = known(status, message);
    ApiException e = ApiException.of(status, k.code(), k.en(), k.vi());
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put(
        "type",
        "https://tangthu.vn/problems/" + k.code().toLowerCase(Locale.ROOT).replace('_', '-'));
    body.put("title", Messages.title(k.code(), vietnamese));
    body.put("status", status);
    body.put("detail", e.detail(vietnamese));
    body.put("code", k.code());
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
  }

  private static Known known(int status, String message) {
    Known k = BY_STATUS.get(status);
    if (k != null) {
      return k;
    }
    if (status == 400) {
      String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
      return m.contains("uri") || m.contains("path") ? INVALID_PATH : BAD_REQUEST;
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }

  private static boolean vietnamese(Request request) {
    List<String> tags = request.getHeaders().getQualityCSV(HttpHeader.ACCEPT_LANGUAGE);
    return Messages.prefersVietnamese(tags.stream().map(Locale::forLanguageTag).toList());
  }

  private static void writeProblem(
      Request request, Response response, Callback callback, int status, String message) {
    boolean vi = vietnamese(request);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.PROBLEM_JSON + "");
    response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, vi ? "vi" : "en");
    response.write(true, ByteBuffer.wrap(problem(status, message, vi)), callback);
  }

  /**
   * Gives a problem body to an error status a servlet set without writing anything (and without
   * {@code sendError}, which the context's handler answers).
   */
  static final class BodylessErrors implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (!(response instanceof HttpServletResponse http)
          || !(request instanceof HttpServletRequest httpRequest)) {
        chain.doFilter(request, response);
        return;
      }
      Watched watched = new Watched(http);
      chain.doFilter(request, watched);
      int status = http.getStatus();
      if (status >= 400 && !watched.wrote && !watched.sentError && !http.isCommitted()) {
        boolean vi =
            Messages.prefersVietnamese(java.util.Collections.list(httpRequest.getLocales()))
                || httpRequest.getHeader("Accept-Language") == null;
        http.resetBuffer();
        http.setContentType(Problems.PROBLEM_JSON.toString());
        http.setHeader("Content-Language", vi ? "vi" : "en");
        byte[] body = problem(status, null, vi);
        http.setContentLength(body.length);
        http.getOutputStream().write(body);
      }
    }
  }

  /** Notes whether a servlet wrote a body or called {@code sendError}. */
  private static final class Watched extends HttpServletResponseWrapper {
    boolean wrote;
    boolean sentError;

    Watched(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      wrote = true;
      return super.getOutputStream();
    }

    @Override
    public java.io.PrintWriter getWriter() throws IOException {
      wrote = true;
      return super.getWriter();
    }

    @Override
    public void sendError(int sc) throws IOException {
      sentError = true;
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      sentError = true;
      super.sendError(sc, msg);
    }
  }

  /** For errors Jetty answers before a request reaches a context. */
  static final class ForServer extends org.eclipse.jetty.server.handler.ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      writeProblem(request, response, callback, code, message);
    }
  }

  /** For errors inside the application and admin servlet contexts. */
  static final class ForContext extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback)
        throws java.io.IOException {
      generateAcceptableResponse(
          request,
          response,
          callback,
          Problems.PROBLEM_JSON.toString(),
          List.of(java.nio.charset.StandardCharsets.UTF_8),
          code,
          message,
          cause);
    }

    @Override
    protected boolean generateAcceptableResponse(
        Request request,
        Response response,
        Callback callback,
        String contentType,
        List<Charset> charsets,
        int code,
        String message,
        Throwable cause) {
      writeProblem(request, response, callback, code, message);
      ServletContextRequest servlet = Request.as(request, ServletContextRequest.class);
      if (servlet != null) {
        servlet.getServletChannel().sendErrorResponseAndComplete();
      }
      return true;
    }
  }
}
