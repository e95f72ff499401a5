package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import vn.tangthu.archive.net.ClientAddressCustomizer;
import vn.tangthu.archive.net.TrustedProxies;

/**
 * The {@code server:} block: Dropwizard's default server (application and admin connectors), plus
 * {@code trustedProxies}, the addresses or CIDR ranges whose {@code X-Forwarded-For} is believed (a
 * list, or one string of entries separated by commas or spaces; empty by default: the client is
 * always the connection's peer). It is the type of {@code server:} whether or not the file says
 * {@code type: archive}.
 *
 * <p>Every connector it builds matches cached header fields exactly: Jetty keeps, per connection,
 * the header lines it has seen (among them {@code Authorization} and {@code Cookie}) and by default
 * matches the next request's lines against them ignoring case, handing the application the cached
 * field, so a credential in another case was read as the one seen before on that connection.
 */
@JsonTypeName("archive")
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    property = "type",
    defaultImpl = ArchiveServerFactory.class)
public final class ArchiveServerFactory extends DefaultServerFactory {

  private List<String> trustedProxies = List.of();
  private TrustedProxies proxies = TrustedProxies.none();

  @JsonProperty
  public List<String> getTrustedProxies() {
    return trustedProxies;
  }

  /**
   * @throws IllegalArgumentException naming an entry that is not an address or CIDR range
   */
  @JsonProperty
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  public void setTrustedProxies(List<String> entries) {
    List<String> split = new ArrayList<>();
    if (entries != null) {
      for (String entry : entries) {
        for (String part : entry == null ? new String[0] : entry.split("[,\\s]+")) {
          if (!part.isEmpty()) {
            split.add(part);
          }
        }
      }
    }
    this.proxies = TrustedProxies.of(split);
    this.trustedProxies = List.copyOf(split);
  }

  /** The parsed {@link #getTrustedProxies()}. */
  public TrustedProxies trustedProxies() {
    return proxies;
  }

  @Override
  public Server build(Environment environment) {
    for (ConnectorFactory c : getApplicationConnectors()) {
      if (c instanceof HttpConnectorFactory http && http.isUseForwardedHeaders()) {
        throw new IllegalStateException(
            "server.applicationConnectors[].useForwardedHeaders believes every peer's"
                + " X-Forwarded-For; list the proxies in server.trustedProxies instead");
      }
    }
    Server server = super.build(environment);
    Set<HttpConfiguration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Connector connector : server.getConnectors()) {
      // Dropwizard wraps each connection factory in a metrics one, which holds it as a bean.
      Collection<HttpConfiguration.ConnectionFactory> http =
          connector instanceof ContainerLifeCycle container
              ? container.getContainedBeans(HttpConfiguration.ConnectionFactory.class)
              : List.of();
      if (http.isEmpty()) {
        throw new IllegalStateException(
            "connector " + connector.getName() + " has no HTTP configuration to secure");
      }
      for (HttpConfiguration.ConnectionFactory f : http) {
        HttpConfiguration config = f.getHttpConfiguration();
        if (seen.add(config)) {
          config.setHeaderCacheCaseSensitive(true);
          if ("application".equals(connector.getName())) {
            config.addCustomizer(new ClientAddressCustomizer(proxies));
          }
        }
      }
    }
    return server;
  }
}
