package vn.tangthu.archive.net;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Reads what is left of a small request body after the request was answered, so the connection can
 * serve the client's next request.
 *
 * <p>An answer given before the body was read (a 403 from a role gate, an endpoint that takes no
 * body) leaves the body unread; when its bytes had not all arrived yet, Jetty cannot consume them
 * and closes the connection after the answer. A client that keeps connections (the JDK's, most
 * proxies) may then send its next request on the closed connection and get no answer at all; a POST
 * or PATCH is not retried. Bodies with a {@code Content-Length} up to {@link #MAX_BYTES} are read
 * to their end here; larger or chunked ones are left to Jetty, which closes the connection (a
 * refused large upload should not be received in full). Stateless and thread-safe.
 */
public final class RequestBodyDrain implements Filter {

  /** The largest unread body read to its end after the answer. */
  public static final long MAX_BYTES = 64 * 1024;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      drain(request);
    }
  }

  private static void drain(ServletRequest request) {
    long length = request.getContentLengthLong();
    if (length <= 0
        || length > MAX_BYTES
        || !(request instanceof HttpServletRequest http)
        || http.isAsyncStarted()) {
      return;
    }
    try {
      ServletInputStream in = request.getInputStream();
      byte[] skip = new byte[4096];
      while (!in.isFinished() && in.read(skip) >= 0) {
        // discarded: the body of a request that was answered without it
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away, or the body was read as characters: nothing left to keep
    }
  }
}
