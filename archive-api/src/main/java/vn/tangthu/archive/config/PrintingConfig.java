package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What printing a page costs, for the printing avoided that {@code GET /stats} reports.
 *
 * @param costPerPageVnd the cost of one printed page in VND (default 500)
 * @param copiesPerPage how many paper copies of each page an agency used to make (default 3)
 */
public record PrintingConfig(long costPerPageVnd, int copiesPerPage) {

  @JsonCreator
  public static PrintingConfig of(
      @JsonProperty("costPerPageVnd") Long costPerPageVnd,
      @JsonProperty("copiesPerPage") Integer copiesPerPage) {
    return new PrintingConfig(
        costPerPageVnd == null ? 500 : costPerPageVnd, copiesPerPage == null ? 3 : copiesPerPage);
  }

  public PrintingConfig {
    if (costPerPageVnd < 0 || costPerPageVnd > 1_000_000) {
      throw new IllegalArgumentException("printing.costPerPageVnd must be 0..1000000");
    }
    if (copiesPerPage < 1 || copiesPerPage > 100) {
      throw new IllegalArgumentException("printing.copiesPerPage must be 1..100");
    }
  }

  /** 500 VND a page, 3 copies. */
  public static PrintingConfig defaults() {
    return of(null, null);
  }
}
