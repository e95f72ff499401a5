package vn.tangthu.child;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link ChildPool} starts its child JVMs and how many it keeps.
 *
 * @param javaCommand the {@code java} executable
 * @param classPath class path of the children (must contain the program's main class, this module
 *     and whatever the program uses)
 * @param processes number of warm child processes, hence of concurrent requests
 * @param maxHeapMb heap limit of each child ({@code -Xmx}); a request that needs more fails
 * @param jvmOptions further JVM options for the children
 */
public record ForkSettings(
    String javaCommand, String classPath, int processes, int maxHeapMb, List<String> jvmOptions) {

  public ForkSettings {
    Objects.requireNonNull(javaCommand, "javaCommand");
    Objects.requireNonNull(classPath, "classPath");
    jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
    if (processes < 1) {
      throw new IllegalArgumentException("processes must be at least 1");
    }
    if (maxHeapMb < 32) {
      throw new IllegalArgumentException("maxHeapMb must be at least 32");
    }
  }

  /**
   * Children running the same {@code java} and class path as this JVM (read from this process's
   * {@code java.home} and {@code java.class.path}), e.g. {@code fromThisJvm(2, 512)}. In the shaded
   * {@code archive-api.jar} the class path is that jar, which holds every module; under Maven or an
   * IDE it lists each module's classes.
   */
  public static ForkSettings fromThisJvm(int processes, int maxHeapMb) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    return new ForkSettings(
        java, System.getProperty("java.class.path"), processes, maxHeapMb, List.of());
  }
}
