package vn.tangthu.archive.lease;

/**
 * Thrown when a write is fenced off: the lease it was made under was taken over by another node
 * (after lapsing), so the write must not commit and the job must stop here.
 */
public final class LeaseLostException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LeaseLostException(String name, long token, long current) {
    super("Lease " + name + " lost: held with token " + token + ", now " + current);
  }
}
