package vn.tangthu.archive.sweep;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;

/** {@code GET /retention/certificates/{id}}: a signed destruction or transfer certificate. */
@Path("/retention/certificates")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificateResource {

  private final Jdbi jdbi;
  private final SweepService sweeps;
  private final CertificateSealer sealer;
  private final AuditTrail audit;

  CertificateResource(Jdbi jdbi, SweepService sweeps, CertificateSealer sealer, AuditTrail audit) {
    this.jdbi = jdbi;
    this.sweeps = sweeps;
    this.sealer = sealer;
    this.audit = audit;
  }

  @GET
  @Path("{id}")
  public CertificateView get(@Auth Caller caller, @PathParam("id") String id) {
    SweepDao.CertificateRow row =
        jdbi.withExtension(SweepDao.class, d -> d.certificate(SweepService.parse(id)))
            .orElseThrow(ApiException::notFound);
    SweepRow sweep = sweeps.visible(caller, row.sweepId().toString());
    audit.appendRead(
        AuditEvent.of(
                caller,
                SweepAudit.CERTIFICATE_READ,
                "CERTIFICATE",
                row.id().toString(),
                AuditOutcome.SUCCESS,
                null)
            .concerning(sweep.agencyCode()));
    String pem = sealer.identity(row.keyId()).map(i -> pem(i.certificate())).orElse(null);
    return new CertificateView(
        row.id(),
        row.kind(),
        row.sweepId(),
        new String(row.canonical(), StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(row.signature()),
        row.keyId(),
        pem,
        row.createdAt());
  }

  private static String pem(Object value) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
