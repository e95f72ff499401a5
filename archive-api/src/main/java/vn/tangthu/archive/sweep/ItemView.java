package vn.tangthu.archive.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One sweep item: the contract's {@code recordId, fileCode?, action, eligibleOn}, plus its state
 * and, when skipped at execution, why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemView(
    UUID recordId,
    String fileCode,
    String action,
    LocalDate eligibleOn,
    String state,
    String skipReason) {

  static ItemView of(ItemRow r) {
    return new ItemView(
        r.recordId(), r.fileCode(), r.action(), r.eligibleOn(), r.state(), r.skipReason());
  }
}
