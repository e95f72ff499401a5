package vn.tangthu.archive.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method guarded by {@code @RolesAllowed} says to a caller without one of the
 * roles: the 403 problem ({@code FORBIDDEN}) carries this detail, in the caller's language. A
 * method without it answers with the framework's generic detail.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refusal {
  /** The detail in English. */
  String en();

  /** The detail in Vietnamese. */
  String vi();
}
