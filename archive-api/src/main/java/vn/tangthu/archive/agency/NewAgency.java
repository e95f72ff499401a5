package vn.tangthu.archive.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.tangthu.archive.error.ApiException;

/**
 * Body of {@code POST /agencies} and {@code PUT /agencies/{code}}, validated on construction (400
 * {@code INVALID_REQUEST}).
 *
 * @param edxmlOrganId the agency's edXML {@code OrganId} (e.g. {@code 000.00.00.H06}), or null
 */
public record NewAgency(
    String code,
    String name,
    String parentCode,
    LocalDate validTo,
    String successorCode,
    String edxmlOrganId) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ORGAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  @JsonCreator
  public NewAgency(
      @JsonProperty("code") String code,
      @JsonProperty("name") String name,
      @JsonProperty("parentCode") String parentCode,
      @JsonProperty("validTo") LocalDate validTo,
      @JsonProperty("successorCode") String successorCode,
      @JsonProperty("edxmlOrganId") String edxmlOrganId) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw invalid("code must be 1-64 letters, digits, '.', '_' or '-'");
    }
    if (name == null || name.isBlank() || name.length() > 500) {
      throw invalid("name is required (at most 500 characters)");
    }
    if (code.equals(parentCode) || code.equals(successorCode)) {
      throw invalid("an agency cannot be its own parent or successor");
    }
    String organId = blankToNull(edxmlOrganId);
    if (organId != null && !ORGAN_ID.matcher(organId.strip()).matches()) {
      throw invalid("edxmlOrganId must be 1-100 letters, digits, '.', ':', '_' or '-'");
    }
    this.code = code;
    this.name = name.strip();
    this.parentCode = blankToNull(parentCode);
    this.validTo = validTo;
    this.successorCode = blankToNull(successorCode);
    this.edxmlOrganId = organId == null ? null : organId.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static ApiException invalid(String detail) {
    return ApiException.badRequest("INVALID_REQUEST", detail, detail);
  }
}
