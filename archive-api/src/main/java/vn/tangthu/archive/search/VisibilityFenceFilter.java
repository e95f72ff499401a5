package vn.tangthu.archive.search;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Messages;
import vn.tangthu.archive.error.Problems;
import vn.tangthu.archive.indexing.VisibilityFence;

/**
 * Runs {@link VisibilityFence#pass} before every {@link VisibilityFenced} resource, after
 * authentication; a node whose index cannot catch up answers 503 {@code INDEX_CATCHING_UP} with
 * {@code Retry-After}. An administrator reads every record, so nothing can leak to them and they do
 * not wait. Thread-safe.
 */
@VisibilityFenced
@Priority(Priorities.USER)
public final class VisibilityFenceFilter implements ContainerRequestFilter {

  private final VisibilityFence fence;

  public VisibilityFenceFilter(VisibilityFence fence) {
    this.fence = Objects.requireNonNull(fence, "fence");
  }

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (ctx.getSecurityContext().getUserPrincipal() instanceof Caller caller && caller.isAdmin()) {
      return;
    }
    try {
      fence.pass();
    } catch (ApiException e) {
      ctx.abortWith(
          Response.fromResponse(
                  Problems.response(e, Messages.prefersVietnamese(ctx.getAcceptableLanguages())))
              .header(HttpHeaders.RETRY_AFTER, fence.retryAfterSeconds())
              .build());
    }
  }
}
