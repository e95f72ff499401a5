package vn.tangthu.archive.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.base.Roles;

class RoleAuthorizerTest {

  private final RoleAuthorizer authorizer = new RoleAuthorizer();

  private static Caller with(Role... roles) {
    return new Caller(7, "someone", "SNV", Set.of(roles), UUID.randomUUID());
  }

  @Test
  void aCallerIsInExactlyTheRolesItHolds() {
    Caller archivist = with(Role.ARCHIVIST, Role.AUDITOR);
    assertThat(authorizer.authorize(archivist, Roles.ARCHIVIST, null)).isTrue();
    assertThat(authorizer.authorize(archivist, Roles.AUDITOR, null)).isTrue();
    assertThat(authorizer.authorize(archivist, Roles.ADMIN, null)).isFalse();
    assertThat(authorizer.authorize(with(), Roles.CLERK, null)).isFalse();
  }

  @Test
  void aNameThatIsNoRoleGrantsNothing() {
    assertThat(authorizer.authorize(with(Role.ADMIN), "admin", null)).isFalse();
    assertThat(authorizer.authorize(with(Role.ADMIN), "ROOT", null)).isFalse();
  }

  @Test
  void everyRoleHasItsNameAmongTheAnnotationConstants() throws Exception {
    Set<String> constants =
        Set.copyOf(
            Arrays.stream(Roles.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .map(RoleAuthorizerTest::value)
                .toList());
    assertThat(constants)
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::name).toList());
  }

  private static String value(Field f) {
    try {
      return (String) f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
