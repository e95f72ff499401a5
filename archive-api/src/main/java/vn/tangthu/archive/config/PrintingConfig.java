package vn.tangthu.archive.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What printing a page costs, for the printing avoided that {@code GET /stats} reports ({@code
 * printing:}). Absent values take the defaults below; bounds are checked at start-up.
 *
 * @param costPerPageVnd the cost of one printed page in VND (default 500; 0 to 1,000,000)
 * @param copiesPerPage how many paper copies of each page an agency used to make (default 3; 1 to
 *     100)
 */
public record PrintingConfig(
    @NotNull @Min(0) @Max(1_000_000) Long costPerPageVnd,
    @NotNull @Min(1) @Max(100) Integer copiesPerPage) {

  public PrintingConfig {
    costPerPageVnd = Absent.or(costPerPageVnd, 500L);
    copiesPerPage = Absent.or(copiesPerPage, 3);
  }

  /**
   * Every value at its default (the file has no {@code printing:} block): 500 VND a page, 3 copies.
   */
  public static PrintingConfig defaults() {
    return new PrintingConfig(null, null);
  }
}
