package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * The {@code server:} block: Dropwizard's default server (application and admin connectors). It is
 * the type of {@code server:} whether or not the file says {@code type: archive}.
 *
 * <p>Every connector it builds matches cached header fields exactly: Jetty keeps, per connection,
 * the header lines it has seen (among them {@code Authorization} and {@code Cookie}) and by default
 * matches the next request's lines against them ignoring case, handing the application the cached
 * field, so a credential in another case was read as the one seen before on that connection.
 */
@JsonTypeName("archive")
public final class ArchiveServerFactory extends DefaultServerFactory {

  @Override
  public Server build(Environment environment) {
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
        }
      }
    }
    return server;
  }
}
