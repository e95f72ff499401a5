package vn.tangthu.intake;

import java.util.Objects;

/**
 * Where an item comes from: the record's {@code source} without the archive's {@code importId}.
 *
 * @param edxmlDocumentId the message's {@code DocumentId} (edXML only)
 * @param fromOrganId the sender's {@code From/OrganId}; the archive finds the agency through {@code
 *     agency.edxmlOrganId} and fails the item when none has it (edXML only)
 */
public record ItemSource(SourceKind kind, String edxmlDocumentId, String fromOrganId) {

  public static final ItemSource IMPORT = new ItemSource(SourceKind.IMPORT, null, null);

  public ItemSource {
    Objects.requireNonNull(kind, "kind");
  }
}
