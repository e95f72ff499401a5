package vn.tangthu.archive.retention;

import org.jdbi.v3.core.Handle;

/**
 * A file code names one dossier of one agency: the lock that serialises the check "which agency
 * owns this file code" with the write that relies on it. Stateless.
 */
final class FileCodes {

  /** pg advisory lock class of file codes ("TTFC"); the second key is the code's hash. */
  private static final int LOCK_CLASS = 0x5454_4643;

  private FileCodes() {}

  /**
   * Locks {@code fileCode} until {@code h}'s transaction ends (at once in autocommit), so that two
   * transactions filing records of different agencies under a file code without a dossier are
   * checked one after the other. Hash collisions only serialise more than needed.
   */
  static void lock(Handle h, String fileCode) {
    h.select("SELECT 1 FROM pg_advisory_xact_lock(?, hashtext(?))", LOCK_CLASS, fileCode)
        .mapTo(Integer.class)
        .one();
  }
}
