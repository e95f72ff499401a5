package vn.tangthu.indexer.extract;

import java.util.List;
import java.util.Objects;

/**
 * How {@link ForkedTextExtractor} starts its child JVMs.
 *
 * @param javaCommand the {@code java} executable
 * @param classPath class path of the child (must contain this module and Tika)
 * @param processes number of warm child processes, hence of concurrent extractions
 * @param maxHeapMb heap limit of each child ({@code -Xmx}); a document that needs more fails
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
   * {@code java.home} and {@code java.class.path}), e.g. {@code fromThisJvm(2, 512)}.
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
