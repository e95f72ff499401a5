package vn.tangthu.archive.stats;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.config.PrintingConfig;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.Dates;

/**
 * {@code GET /stats?agencyCode=&from=&to=}: records, pages and bytes per owning agency and per
 * month of archiving (Vietnam's time zone), and the printing avoided, over the records the caller
 * may read ({@link AccessPolicy}: every role, every status). A record without a page count counts
 * as one page. {@code agencyCode} narrows to that agency and the agencies below it; {@code from}
 * and {@code to} are civil dates in Vietnam, both included. Pages avoided are the pages of records
 * issued electronically ({@code ORIGINAL_ELECTRONIC}) times the copies per page.
 */
@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Jdbi jdbi;
  private final AgencyDirectory agencies;
  private final AccessPolicy access;
  private final PrintingConfig printing;

  public StatsResource(
      Jdbi jdbi, AgencyDirectory agencies, AccessPolicy access, PrintingConfig printing) {
    this.jdbi = jdbi;
    this.agencies = agencies;
    this.access = access;
    this.printing = printing;
  }

  /** One agency's figures. */
  public record AgencyFigures(
      String agencyCode, String name, long records, long pages, long bytes) {}

  /** One month's figures ({@code YYYY-MM}). */
  public record MonthFigures(String month, long records, long pages) {}

  /** The printing avoided. */
  public record Printing(
      long pagesAvoided, long costPerPageVnd, int copiesPerPage, long savedVnd) {}

  /** The answer. */
  public record Stats(
      long records,
      long pages,
      long bytes,
      List<AgencyFigures> byAgency,
      List<MonthFigures> byMonth,
      Printing printing) {}

  @GET
  public Stats stats(
      @Auth Caller caller,
      @QueryParam("agencyCode") String agencyCode,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    String[] owners = null;
    if (agencyCode != null && !agencyCode.isBlank()) {
      if (!agencies.tree().exists(agencyCode)) {
        throw ApiException.badRequest(
                "UNKNOWN_AGENCY",
                "agencyCode names no agency: " + agencyCode,
                "agencyCode không phải mã cơ quan: " + agencyCode)
            .with("agencyCode", agencyCode);
      }
      owners = agencies.tree().below(Set.of(agencyCode)).toArray(String[]::new);
    }
    Instant start = date(from, "from").map(d -> d.atStartOfDay(VIETNAM).toInstant()).orElse(null);
    Instant end =
        date(to, "to").map(d -> d.plusDays(1).atStartOfDay(VIETNAM).toInstant()).orElse(null);
    AccessPolicy.ReadScope scope = access.readScope(caller);
    String[] chosen = owners;
    List<StatsDao.Cell> cells =
        jdbi.withExtension(
            StatsDao.class,
            d ->
                d.cells(
                    caller.isAdmin(),
                    scope.internalOwners().toArray(String[]::new),
                    scope.ownOwners().toArray(String[]::new),
                    scope.username(),
                    chosen,
                    start,
                    end));
    return summarise(cells);
  }

  private Stats summarise(List<StatsDao.Cell> cells) {
    Map<String, long[]> byAgency = new TreeMap<>();
    Map<String, long[]> byMonth = new TreeMap<>();
    long records = 0;
    long pages = 0;
    long bytes = 0;
    long electronic = 0;
    for (StatsDao.Cell c : cells) {
      long[] a = byAgency.computeIfAbsent(c.agencyCode(), k -> new long[3]);
      a[0] += c.records();
      a[1] += c.pages();
      a[2] += c.bytes();
      long[] m = byMonth.computeIfAbsent(c.month(), k -> new long[2]);
      m[0] += c.records();
      m[1] += c.pages();
      records += c.records();
      pages += c.pages();
      bytes += c.bytes();
      electronic += c.electronicPages();
    }
    List<AgencyFigures> agencyFigures = new ArrayList<>();
    byAgency.forEach(
        (code, a) ->
            agencyFigures.add(
                new AgencyFigures(
                    code,
                    agencies.tree().find(code).map(x -> x.name()).orElse(code),
                    a[0],
                    a[1],
                    a[2])));
    List<MonthFigures> monthFigures = new ArrayList<>();
    byMonth.forEach((month, m) -> monthFigures.add(new MonthFigures(month, m[0], m[1])));
    long avoided = Math.multiplyExact(electronic, (long) printing.copiesPerPage());
    return new Stats(
        records,
        pages,
        bytes,
        agencyFigures,
        monthFigures,
        new Printing(
            avoided,
            printing.costPerPageVnd(),
            printing.copiesPerPage(),
            Math.multiplyExact(avoided, printing.costPerPageVnd())));
  }

  private static java.util.Optional<LocalDate> date(String text, String parameter) {
    if (text == null || text.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Dates.parse(text));
    } catch (Dates.Refused e) {
      throw ApiException.badRequest(
              "INVALID_REQUEST", parameter + " " + e.reasonEn(), parameter + " " + e.reasonVi())
          .with("parameter", parameter);
    }
  }
}
