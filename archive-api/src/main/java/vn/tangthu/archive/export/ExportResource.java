package vn.tangthu.archive.export;

import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.indexer.search.SearchHit;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.indexer.search.SearchRequest;
import vn.tangthu.indexer.search.SearchResult;
import vn.tangthu.retention.transfer.BagItWriter;
import vn.tangthu.retention.transfer.BagItem;
import vn.tangthu.retention.transfer.TransferException;

/**
 * {@code GET /records/export?q=…}: a BagIt tar of the ACTIVE records matching {@code q} that the
 * caller may read (the search runs with the caller's visibility, and each record is checked again
 * on its row). At most {@link #MAX_RECORDS} records; more is refused with {@code EXPORT_TOO_LARGE}.
 */
@Path("/records/export")
public final class ExportResource {

  /** Largest number of records in one export. */
  public static final int MAX_RECORDS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(ExportResource.class);

  private final Jdbi jdbi;
  private final SearchIndex index;
  private final AccessPolicy access;
  private final ObjectStore store;
  private final String originals;
  private final AuditTrail audit;
  private final Clock clock;
  private final String archiveName;

  public ExportResource(
      Jdbi jdbi,
      SearchIndex index,
      AccessPolicy access,
      ObjectStore store,
      String originals,
      AuditTrail audit,
      Clock clock,
      String archiveName) {
    this.jdbi = jdbi;
    this.index = index;
    this.access = access;
    this.store = store;
    this.originals = originals;
    this.audit = audit;
    this.clock = clock;
    this.archiveName = archiveName;
  }

  @GET
  @Produces({"application/x-tar", "application/json"})
  public Response export(
      @Auth Caller caller, @QueryParam("q") String q, @Context HttpServletRequest request)
      throws IOException {
    if (q != null && q.length() > 1000) {
      throw ApiException.badRequest(
          "INVALID_QUERY", "q must be at most 1000 characters.", "q tối đa 1000 ký tự.");
    }
    List<RecordRow> rows = readable(caller, matching(caller, q == null ? "" : q));
    List<BagItem> items = new ArrayList<>();
    for (RecordRow r : rows) {
      items.add(
          new BagItem(
              r.id().toString(),
              r.fileName() == null || r.fileName().isBlank() ? r.id().toString() : r.fileName(),
              r.size(),
              Optional.of(r.sha256()),
              () -> store.get(originals, r.objectKey())));
    }
    audit.appendRead(
        AuditEvent.of(
                caller, "RECORD_EXPORT", null, null, AuditOutcome.SUCCESS, request.getRemoteAddr())
            .withDetail("q", q)
            .withDetail("records", items.size()));
    Map<String, String> info = new LinkedHashMap<>();
    info.put("Source-Organization", oneLine(archiveName));
    info.put("External-Description", oneLine("Tàng Thư export, q=" + (q == null ? "" : q)));
    info.put("Internal-Sender-Identifier", caller.username());
    String name = "tangthu-export-" + clock.instant().toString().replace(':', '-');
    BagItWriter writer = new BagItWriter(clock, "Tàng Thư 0.1.0");
    StreamingOutput body =
        out -> {
          try {
            writer.writeTar(name, info, items, out);
            out.flush();
          } catch (TransferException e) {
            LOG.error("Export aborted: {}", e.getMessage());
            throw new IOException("export aborted: " + e.getMessage(), e);
          }
        };
    return Response.ok(body, "application/x-tar")
        .header("Content-Disposition", "attachment; filename=\"" + name + ".tar\"")
        .build();
  }

  private List<UUID> matching(Caller caller, String q) throws IOException {
    List<UUID> ids = new ArrayList<>();
    String cursor = null;
    do {
      SearchResult page;
      try {
        page =
            index.search(
                new SearchRequest(
                    q,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    SearchRequest.Sort.RELEVANCE,
                    100,
                    cursor),
                access.visibility(caller));
      } catch (IllegalArgumentException e) {
        throw ApiException.of(400, "INVALID_QUERY", e.getMessage());
      }
      if (page.total() > MAX_RECORDS) {
        throw ApiException.of(
                413,
                "EXPORT_TOO_LARGE",
                "More than " + MAX_RECORDS + " records match; narrow the query.",
                "Có hơn " + MAX_RECORDS + " văn bản phù hợp; hãy thu hẹp truy vấn.")
            .with("total", page.total());
      }
      for (SearchHit h : page.hits()) {
        ids.add(UUID.fromString(h.id()));
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  private List<RecordRow> readable(Caller caller, List<UUID> ids) {
    List<RecordRow> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 500));
      for (RecordRow r : jdbi.withExtension(RecordDao.class, d -> d.findAll(part))) {
        if ("ACTIVE".equals(r.status())
            && access.canRead(caller, r.id(), r.agencyCode(), r.accessLevel())) {
          out.add(r);
        }
      }
    }
    out.sort(java.util.Comparator.comparing(RecordRow::id));
    return out;
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+", " ");
  }
}
