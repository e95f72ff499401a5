package vn.tangthu.archive.agency;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An agency (cơ quan) of the province's tree, as stored and as returned by the API.
 *
 * @param edxmlOrganId the agency's identifier on the national document-exchange axis (edXML {@code
 *     From/OrganId}); an edXML message is filed under the agency that has it. Unique, optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agency(
    String code,
    String name,
    String parentCode,
    LocalDate validTo,
    String successorCode,
    String signaturePolicy,
    Instant createdAt,
    String edxmlOrganId) {

  public Agency {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
