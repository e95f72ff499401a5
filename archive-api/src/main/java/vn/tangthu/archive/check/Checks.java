package vn.tangthu.archive.check;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.evidence.EvidenceVerification;

/**
 * The checks feature, wired: the background {@link CheckRunner} (manage it, so it starts and stops
 * with the server) and the {@link CheckResource}. Both kinds use {@link EvidenceVerification}, the
 * code of the offline {@code evidence-verify} command.
 *
 * @param runner runs the checks of every node, one at a time on this one
 * @param resource {@code /checks}
 */
public record Checks(CheckRunner runner, CheckResource resource) {

  public static Checks create(
      Jdbi jdbi,
      EvidenceVerification verification,
      AccessPolicy access,
      AuditTrail audit,
      Clock clock) {
    CheckRunner runner =
        new CheckRunner(
            jdbi,
            (kind, id) ->
                kind == CheckKind.FIXITY ? verification.fixity(id) : verification.check(id),
            audit,
            clock);
    return new Checks(runner, new CheckResource(jdbi, access, audit, runner, clock));
  }
}
