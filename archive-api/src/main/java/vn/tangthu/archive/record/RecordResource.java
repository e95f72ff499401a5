package vn.tangthu.archive.record;

import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Problems;
import vn.tangthu.archive.metrics.CountsIngest;
import vn.tangthu.archive.outbox.ChangeFollower;
import vn.tangthu.archive.storage.ObjectStore;

/** {@code /records}: ingest, metadata, original content and extracted text. */
@Path("/records")
@Produces(MediaType.APPLICATION_JSON)
public final class RecordResource {

  private static final Logger LOG = LoggerFactory.getLogger(RecordResource.class);
  private static final Duration WAIT_INDEXED = Duration.ofSeconds(60);

  private final IngestService ingest;
  private final RecordReader reader;
  private final ObjectStore store;
  private final String originals;
  private final String derived;
  private final ChangeFollower worker;
  private final RecordCorrections corrections;
  private final EvidenceLookup evidence;
  private final OriginalContent content;

  /** Where a record's evidence record is found, and when the next run makes missing ones. */
  public interface EvidenceLookup {
    java.util.Optional<byte[]> find(java.util.UUID recordId);

    java.time.Instant nextRun();
  }

  public RecordResource(
      IngestService ingest,
      RecordReader reader,
      ObjectStore store,
      String originals,
      String derived,
      ChangeFollower worker,
      RecordCorrections corrections,
      EvidenceLookup evidence,
      OriginalContent content) {
    this.content = content;
    this.ingest = ingest;
    this.reader = reader;
    this.store = store;
    this.originals = originals;
    this.derived = derived;
    this.worker = worker;
    this.corrections = corrections;
    this.evidence = evidence;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @CountsIngest
  public Response create(
      @Auth Caller caller,
      @Context HttpServletRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @QueryParam("wait") String wait)
      throws IOException, InterruptedException {
    if (wait != null && !"indexed".equals(wait)) {
      throw ApiException.badRequest(
              "INVALID_REQUEST",
              "wait takes only the value indexed.",
              "wait chỉ nhận giá trị indexed.")
          .with("parameter", "wait");
    }
    IngestService.Outcome outcome = ingest.ingest(caller, request, idempotencyKey);
    if ("indexed".equals(wait) && !outcome.replayed()) {
      if (!worker.awaitApplied(outcome.position(), WAIT_INDEXED)) {
        throw ApiException.of(
                503,
                "INDEX_TIMEOUT",
                "The record is stored but not searchable yet.",
                "Văn bản đã được lưu nhưng chưa tìm kiếm được.")
            .with("id", outcome.recordId().toString());
      }
    }
    RecordView view = reader.view(reader.visible(caller, outcome.recordId().toString()));
    return Response.created(URI.create("records/" + view.id())).entity(view).build();
  }

  @GET
  public RecordReader.Page list(
      @Auth Caller caller,
      @QueryParam("agencyCode") String agencyCode,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("20") String size) {
    return reader.page(caller, blankToNull(agencyCode), cursor, pageSize(size));
  }

  @GET
  @Path("{id}")
  public RecordView get(
      @Auth Caller caller, @PathParam("id") String id, @Context HttpServletRequest request) {
    return reader.view(reader.read(caller, id, AuditEvent.RECORD_READ, request.getRemoteAddr()));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public RecordView correct(
      @Auth Caller caller,
      @PathParam("id") String id,
      com.fasterxml.jackson.databind.JsonNode body,
      @Context HttpServletRequest request) {
    return reader.view(corrections.correct(caller, id, body, request.getRemoteAddr()));
  }

  /** One correction: who, when, the values it replaced and the new ones. */
  public record HistoryEntry(
      java.time.Instant changedAt,
      String changedBy,
      @com.fasterxml.jackson.annotation.JsonRawValue String previous,
      @com.fasterxml.jackson.annotation.JsonRawValue String changes) {}

  @GET
  @Path("{id}/history")
  public java.util.Map<String, java.util.List<HistoryEntry>> history(
      @Auth Caller caller, @PathParam("id") String id, @Context HttpServletRequest request) {
    return java.util.Map.of(
        "items",
        corrections.history(caller, id, request.getRemoteAddr()).stream()
            .map(h -> new HistoryEntry(h.changedAt(), h.changedBy(), h.previous(), h.changes()))
            .toList());
  }

  @GET
  @Path("{id}/content")
  @Produces(MediaType.WILDCARD)
  public Response content(
      @Auth Caller caller,
      @PathParam("id") String id,
      @HeaderParam("Range") String range,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    RecordRow row = readable(caller, id, AuditEvent.CONTENT_DOWNLOAD, request.getRemoteAddr());
    String etag = "\"" + row.sha256() + "\"";
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      return Response.notModified().header(HttpHeaders.ETAG, etag).build();
    }
    Optional<ByteRange> byteRange;
    try {
      byteRange = ByteRange.parse(range, row.size());
    } catch (IllegalArgumentException e) {
      ApiException refused =
          ApiException.of(
              416,
              "RANGE_NOT_SATISFIABLE",
              "The Range header names no bytes of this " + row.size() + "-byte content.",
              "Tiêu đề Range không chỉ byte nào của nội dung " + row.size() + " byte này.");
      return Response.fromResponse(Problems.response(refused, headers))
          .header("Content-Range", "bytes */" + row.size())
          .build();
    }
    Response.ResponseBuilder r =
        byteRange
            .map(
                b ->
                    Response.status(206)
                        .entity(stream(row, b))
                        .header(
                            "Content-Range",
                            "bytes " + b.first() + "-" + b.last() + "/" + row.size())
                        .header(HttpHeaders.CONTENT_LENGTH, b.length()))
            .orElseGet(
                () -> Response.ok(whole(row)).header(HttpHeaders.CONTENT_LENGTH, row.size()));
    return r.type(row.contentType())
        .header(HttpHeaders.ETAG, etag)
        .header("Accept-Ranges", "bytes")
        .header(
            "Content-Disposition",
            ContentDisposition.attachment(row.fileName(), row.id().toString()))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @GET
  @Path("{id}/evidence")
  @Produces("application/vnd.tangthu.ers+der")
  public Response evidence(
      @Auth Caller caller, @PathParam("id") String id, @Context HttpServletRequest request) {
    RecordRow row = reader.read(caller, id, AuditEvent.EVIDENCE_READ, request.getRemoteAddr());
    byte[] der =
        evidence
            .find(row.id())
            .orElseThrow(
                () ->
                    ApiException.of(
                            404,
                            "EVIDENCE_PENDING",
                            "The record's evidence is made at the next daily run.",
                            "Bằng chứng lưu trữ của văn bản được lập ở lần chạy hằng ngày tới.")
                        .with("nextRun", evidence.nextRun().toString()));
    return Response.ok(der, "application/vnd.tangthu.ers+der")
        .header("Content-Disposition", "attachment; filename=\"" + row.id() + ".ers\"")
        .build();
  }

  @GET
  @Path("{id}/text")
  @Produces("text/plain; charset=UTF-8")
  public Response text(
      @Auth Caller caller, @PathParam("id") String id, @Context HttpServletRequest request) {
    RecordRow row = readable(caller, id, AuditEvent.TEXT_READ, request.getRemoteAddr());
    if ("PENDING".equals(row.extractionStatus())) {
      throw ApiException.of(
          409,
          "TEXT_PENDING",
          "The text has not been extracted yet.",
          "Nội dung chưa được trích xuất.");
    }
    if ("FAILED".equals(row.extractionStatus())) {
      String reason = row.extractionReason() == null ? "unknown" : row.extractionReason();
      throw ApiException.of(
              409,
              "EXTRACTION_FAILED",
              "The text could not be extracted (" + reason + "); the original is unaffected.",
              "Không trích xuất được nội dung văn bản (" + reason + "); bản gốc vẫn nguyên vẹn.")
          .with("reason", reason);
    }
    if (row.textKey() == null) {
      return Response.ok("", "text/plain; charset=UTF-8").build();
    }
    StreamingOutput body =
        out -> {
          try (InputStream in = store.get(derived, row.textKey())) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, "text/plain; charset=UTF-8").build();
  }

  private RecordRow readable(Caller caller, String id, String action, String address) {
    RecordRow row = reader.read(caller, id, action, address);
    if (!"ACTIVE".equals(row.status())) {
      throw ApiException.of(
              410,
              "DISPOSED",
              "The record's content was " + row.status().toLowerCase() + "; its metadata remains.",
              "Nội dung văn bản đã bị hủy hoặc chuyển giao; siêu dữ liệu vẫn được giữ.")
          .with("status", row.status());
    }
    return row;
  }

  /** Streams a range of the original (not checked: a range cannot be). */
  private StreamingOutput stream(RecordRow row, ByteRange range) {
    return out -> {
      try (InputStream in = store.get(originals, row.objectKey(), range.first(), range.length())) {
        in.transferTo(out);
      }
    };
  }

  /** The whole original, checked against its SHA-256 (see {@link OriginalContent}). */
  private StreamingOutput whole(RecordRow row) {
    if (row.size() == 0) {
      return out -> {};
    }
    return content.whole(row);
  }

  static int pageSize(String size) {
    try {
      int n = Integer.parseInt(size);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "INVALID_REQUEST", "size must be a number from 1 to 100.", "size phải là số từ 1 đến 100.");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
