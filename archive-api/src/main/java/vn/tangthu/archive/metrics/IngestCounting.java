package vn.tangthu.archive.metrics;

import com.codahale.metrics.Counter;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Counts the answers of the resource methods marked {@link CountsIngest}, once each request has
 * finished (after exception mapping, so a refusal is counted by the status the client got).
 * Thread-safe.
 */
public final class IngestCounting implements ApplicationEventListener {

  private final Counter ingests;
  private final Counter refused;
  private final Counter errors;

  IngestCounting(Counter ingests, Counter refused, Counter errors) {
    this.ingests = ingests;
    this.refused = refused;
    this.errors = errors;
  }

  @Override
  public void onEvent(ApplicationEvent event) {
    // nothing to do at the application's level
  }

  @Override
  public RequestEventListener onRequest(RequestEvent start) {
    return event -> {
      if (event.getType() != RequestEvent.Type.FINISHED || !marked(event)) {
        return;
      }
      int status =
          event.getContainerResponse() == null ? 500 : event.getContainerResponse().getStatus();
      if (status >= 200 && status < 300) {
        ingests.inc();
      } else if (status >= 400 && status < 500) {
        refused.inc();
      } else {
        errors.inc();
      }
    };
  }

  private static boolean marked(RequestEvent event) {
    var method = event.getUriInfo().getMatchedResourceMethod();
    return method != null
        && method.getInvocable().getHandlingMethod().isAnnotationPresent(CountsIngest.class);
  }
}
