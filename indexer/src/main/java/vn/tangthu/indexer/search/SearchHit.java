package vn.tangthu.indexer.search;

import java.time.LocalDate;
import java.util.List;

/** One visible record matching a query, with snippets of its text ({@code <mark>…</mark>}). */
public record SearchHit(
    String id,
    String subject,
    String typeName,
    String number,
    String notation,
    String issuer,
    LocalDate issuedDate,
    String agencyCode,
    float score,
    List<String> highlights) {

  public SearchHit {
    highlights = highlights == null ? List.of() : List.copyOf(highlights);
  }
}
