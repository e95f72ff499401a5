package vn.tangthu.child;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the children of a {@link ChildPool} run.
 *
 * @param name short name for threads and logs, e.g. {@code extract}
 * @param mainClass the children's main class; its {@code main} must call {@link ChildLoop#serve}
 * @param args the arguments of {@code main}
 * @param greeting the frame every new child receives before its first request, given to {@link
 *     ChildLoop.Setup#start} (e.g. a trust store); may be empty
 * @param maxAnswerBytes the largest answer a child may send; a larger one is a protocol error, and
 *     the child is killed as crashed
 */
public record ChildProgram(
    String name, Class<?> mainClass, List<String> args, byte[] greeting, int maxAnswerBytes) {

  /**
   * Validates the program and copies its arguments and greeting.
   *
   * @throws IllegalArgumentException if {@code maxAnswerBytes} is not positive
   */
  public ChildProgram {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mainClass, "mainClass");
    args = List.copyOf(args);
    greeting = greeting.clone();
    if (maxAnswerBytes < 1) {
      throw new IllegalArgumentException("maxAnswerBytes must be positive");
    }
  }

  /** A copy of the greeting. */
  @Override
  public byte[] greeting() {
    return greeting.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChildProgram p
        && name.equals(p.name)
        && mainClass.equals(p.mainClass)
        && args.equals(p.args)
        && Arrays.equals(greeting, p.greeting)
        && maxAnswerBytes == p.maxAnswerBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, mainClass, args, Arrays.hashCode(greeting), maxAnswerBytes);
  }

  @Override
  public String toString() {
    return "ChildProgram[" + name + ", " + mainClass.getName() + " " + args + "]";
  }
}
