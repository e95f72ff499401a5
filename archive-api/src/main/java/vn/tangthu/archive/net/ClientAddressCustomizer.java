package vn.tangthu.archive.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Makes a request's remote address its client's: when the connection's peer is a trusted proxy, the
 * address {@link TrustedProxies#clientOf} finds in {@code X-Forwarded-For}; otherwise the peer,
 * whatever the request claims. Installed on the application connectors, it is what {@code
 * HttpServletRequest.getRemoteAddr()} answers everywhere (audit entries, failed-authentication
 * limiting, the request log). Unlike Jetty's {@code ForwardedRequestCustomizer}, it believes only
 * the configured proxies. Thread-safe.
 */
public final class ClientAddressCustomizer implements HttpConfiguration.Customizer {

  private final TrustedProxies proxies;

  public ClientAddressCustomizer(TrustedProxies proxies) {
    this.proxies = Objects.requireNonNull(proxies, "proxies");
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    if (proxies.isEmpty()
        || !(request.getConnectionMetaData().getRemoteSocketAddress()
            instanceof InetSocketAddress peer)
        || peer.getAddress() == null
        || !proxies.trusts(peer.getAddress())) {
      return request;
    }
    List<String> forwarded = request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR);
    InetAddress client = proxies.clientOf(peer.getAddress(), forwarded);
    if (client.equals(peer.getAddress())) {
      return request;
    }
    SocketAddress remote = new InetSocketAddress(client, 0);
    ConnectionMetaData metaData =
        new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
          @Override
          public SocketAddress getRemoteSocketAddress() {
            return remote;
          }
        };
    return new Request.Wrapper(request) {
      @Override
      public ConnectionMetaData getConnectionMetaData() {
        return metaData;
      }
    };
  }
}
