package vn.tangthu.archive.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the trail exactly as stored: the values are not re-validated, so an entry someone
 * changed in the database can still be listed and hashed (and found out by {@link
 * AuditLog#verify}).
 *
 * @param id position in the trail: 1, 2, 3, … without gaps, in commit order
 * @param occurredAt when the event happened (microsecond precision); not necessarily increasing
 *     with {@code id}, since batched reads commit up to a second after they happen
 * @param rolesText the caller's role names, comma-joined in ascending order ("" when none)
 * @param detailsJson the details as stored: canonical JSON (see {@link
 *     vn.tangthu.json.CanonicalJson})
 * @param prevHash the hash of entry {@code id - 1} ({@link AuditChain#GENESIS} for entry 1)
 * @param hash SHA-256 over {@code prevHash} and this entry's canonical encoding ({@link
 *     AuditChain})
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actor,
    @JsonIgnore String rolesText,
    String agencyCode,
    String action,
    String targetType,
    String targetId,
    String outcome,
    String clientAddress,
    @JsonIgnore String detailsJson,
    String prevHash,
    String hash) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditEntry {
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** The roles as a list, for display. */
  @JsonProperty("roles")
  public List<String> roles() {
    return rolesText == null || rolesText.isEmpty() ? List.of() : List.of(rolesText.split(",", -1));
  }

  /** The details for display; what cannot be read as a flat string map is shown raw. */
  @JsonProperty("details")
  public Map<String, String> details() {
    return parseDetails(detailsJson);
  }

  /** The details of a stored entry; anything but a flat string object comes back as {"raw": …}. */
  static Map<String, String> parseDetails(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      Map<String, String> m =
          JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
      return m == null ? Map.of("raw", json) : m;
    } catch (Exception e) {
      return Map.of("raw", json);
    }
  }
}
