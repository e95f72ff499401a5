package vn.tangthu.archive.agency;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** An agency (cơ quan) of the province's tree, as stored and as returned by the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agency(
    String code,
    String name,
    String parentCode,
    LocalDate validTo,
    String successorCode,
    String signaturePolicy,
    Instant createdAt) {

  public Agency {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
