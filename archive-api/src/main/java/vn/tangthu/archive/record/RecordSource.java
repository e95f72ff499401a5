package vn.tangthu.archive.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The Record's {@code source}: how it arrived. {@code UPLOAD} through {@code POST /records}; {@code
 * IMPORT} as a file of an import package; {@code EDXML} as an edXML message of one, with the
 * sender's {@code From/OrganId} and the message's {@code DocumentId}.
 *
 * @param importId the import job, for {@code IMPORT} and {@code EDXML}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordSource(String kind, UUID importId, String edxmlDocumentId, String fromOrganId) {

  public static final String KIND_UPLOAD = "UPLOAD";
  public static final String KIND_IMPORT = "IMPORT";
  public static final String KIND_EDXML = "EDXML";

  private static final Set<String> KINDS = Set.of(KIND_UPLOAD, KIND_IMPORT, KIND_EDXML);

  /** A record stored through {@code POST /records}. */
  public static final RecordSource UPLOAD = new RecordSource(KIND_UPLOAD, null, null, null);

  public RecordSource {
    Objects.requireNonNull(kind, "kind");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("source kind " + kind);
    }
    if (!kind.equals(KIND_UPLOAD) && importId == null) {
      throw new IllegalArgumentException("an imported record names its import");
    }
  }

  /** Whether the record came from an import package (edXML or not). */
  public boolean imported() {
    return !kind.equals(KIND_UPLOAD);
  }
}
