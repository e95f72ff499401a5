package vn.tangthu.indexer.search;

import java.util.Objects;
import java.util.Set;

/**
 * Who is searching, reduced to what the visibility rule needs. A record is visible when it is
 * PUBLIC; or INTERNAL and one of {@code agencies} is in its agency path (owner or an ancestor of
 * the owner); or RESTRICTED and its owning agency is one of {@code agencies} or {@code username} is
 * among its grantees. {@code everything} bypasses the rule (system use only: reindex checks,
 * administration).
 *
 * @param agencies the caller's agency plus the agencies it succeeded (transitively)
 */
public record Visibility(boolean everything, Set<String> agencies, String username) {

  public Visibility {
    agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
    if (!everything) {
      Objects.requireNonNull(username, "username");
    }
  }

  /** Sees every record. */
  public static Visibility all() {
    return new Visibility(true, Set.of(), null);
  }
}
