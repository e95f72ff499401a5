package vn.tangthu.archive.signature.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.record.RecordReader;
import vn.tangthu.archive.record.RecordRow;

/**
 * {@code GET /records/{id}/signature/history}: the record's current signature report and every
 * report a re-verification replaced, oldest first. Visible exactly when the record is (404
 * otherwise); the read is audited like a record read.
 */
@Path("/records/{id}/signature")
@Produces(MediaType.APPLICATION_JSON)
public final class SignatureHistoryResource {

  private final Jdbi jdbi;
  private final RecordReader reader;
  private final ObjectMapper json;

  public SignatureHistoryResource(Jdbi jdbi, RecordReader reader, ObjectMapper json) {
    this.jdbi = jdbi;
    this.reader = reader;
    this.json = json;
  }

  /** One replaced report. */
  public record Entry(String replacedAt, String replacedBy, JsonNode report) {}

  /** The answer. */
  public record History(String recordId, JsonNode current, List<Entry> history) {}

  @GET
  @Path("history")
  public History history(
      @Auth Caller caller, @PathParam("id") String id, @Context HttpServletRequest request) {
    RecordRow row = reader.read(caller, id, AuditEvent.RECORD_READ, request.getRemoteAddr());
    List<Entry> entries =
        jdbi.withExtension(SignatureHistoryDao.class, d -> d.history(row.id())).stream()
            .map(h -> new Entry(iso(h.replacedAt()), h.replacedBy(), parse(h.report())))
            .toList();
    return new History(row.id().toString(), parse(row.signature()), entries);
  }

  private static String iso(Instant t) {
    return t.toString();
  }

  private JsonNode parse(String report) {
    if (report == null) {
      return null;
    }
    try {
      return json.readTree(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored signature report is not JSON", e);
    }
  }
}
