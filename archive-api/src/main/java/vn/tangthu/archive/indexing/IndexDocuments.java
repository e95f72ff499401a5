package vn.tangthu.archive.indexing;

import java.util.List;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.indexer.search.IndexDocument;

/** Turns a record row and its text into the index's document. Thread-safe. */
public final class IndexDocuments {

  private final AccessPolicy access;

  public IndexDocuments(AccessPolicy access) {
    this.access = access;
  }

  public IndexDocument of(RecordRow r, List<String> grantees, TextStage.Text text) {
    return new IndexDocument(
        r.id().toString(),
        r.agencyCode(),
        access.agencyPath(r.agencyCode()),
        r.accessLevel(),
        grantees,
        r.subject(),
        r.typeName(),
        r.number(),
        r.notation(),
        r.issuer(),
        r.issuedDate(),
        r.docCode(),
        r.fileCode(),
        r.keywords(),
        r.description(),
        text.value(),
        signatureStatus(r.signature()),
        null,
        r.status(),
        r.createdAt());
  }

  private static String signatureStatus(String json) {
    if (json == null) {
      return "NOT_SIGNED";
    }
    int i = json.indexOf("\"status\"");
    if (i < 0) {
      return "NOT_SIGNED";
    }
    int start = json.indexOf('"', json.indexOf(':', i) + 1) + 1;
    return json.substring(start, json.indexOf('"', start));
  }
}
