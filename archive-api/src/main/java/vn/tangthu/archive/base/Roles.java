package vn.tangthu.archive.base;

/**
 * The names of the {@link Role}s as compile-time constants, for {@code @RolesAllowed} on resource
 * methods (an annotation cannot name an enum's {@code name()}). Each equals its role's {@code
 * name()}.
 */
public final class Roles {
  public static final String SUBMITTER = "SUBMITTER";
  public static final String CLERK = "CLERK";
  public static final String ARCHIVIST = "ARCHIVIST";
  public static final String APPROVER = "APPROVER";
  public static final String AUDITOR = "AUDITOR";
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
