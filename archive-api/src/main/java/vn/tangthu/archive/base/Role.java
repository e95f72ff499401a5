package vn.tangthu.archive.base;

/** The contract's roles; each acts within the user's agency and its descendants. */
public enum Role {
  SUBMITTER,
  CLERK,
  ARCHIVIST,
  APPROVER,
  AUDITOR,
  ADMIN
}
