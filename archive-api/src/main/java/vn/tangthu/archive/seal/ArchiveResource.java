package vn.tangthu.archive.seal;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.tangthu.archive.base.Caller;

/** {@code GET /archive/certificates}: the archive's and its timestamp authority's certificates. */
@Path("/archive")
@Produces(MediaType.APPLICATION_JSON)
public final class ArchiveResource {

  private final ArchiveKeys keys;

  public ArchiveResource(ArchiveKeys keys) {
    this.keys = keys;
  }

  @GET
  @Path("certificates")
  public ArchiveCertificates certificates(@Auth Caller caller) {
    return keys.certificates();
  }
}
