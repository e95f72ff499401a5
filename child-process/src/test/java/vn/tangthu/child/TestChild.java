package vn.tangthu.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child program for the pool's tests. Requests are text commands: {@code pid}, {@code greeting},
 * {@code heap}, {@code echo:TEXT}, {@code print} (writes to {@code System.out}), {@code sleep:MS},
 * {@code hold:DIR} (creates {@code DIR/started-PID}, then waits for {@code DIR/release}), {@code
 * big:N} (an answer of N bytes), {@code oom} and {@code exit:STATUS}.
 */
public final class TestChild {
  private TestChild() {}

  public static void main(String[] args) throws IOException {
    ChildLoop.serve(
        greeting -> {
          String hello = new String(greeting, StandardCharsets.UTF_8);
          return request -> answer(hello, new String(request, StandardCharsets.UTF_8));
        });
  }

  private static byte[] answer(String greeting, String request) throws IOException {
    String[] command = request.split(":", 2);
    String pid = Long.toString(ProcessHandle.current().pid());
    String answer =
        switch (command[0]) {
          case "pid" -> pid;
          case "greeting" -> greeting;
          case "heap" -> Long.toString(Runtime.getRuntime().maxMemory());
          case "echo" -> command[1];
          case "print" -> {
            System.out.println("noise that must not reach the pool");
            yield "printed";
          }
          case "sleep" -> {
            pause(Long.parseLong(command[1]));
            yield pid;
          }
          case "hold" -> hold(Path.of(command[1]), pid);
          case "big" -> "x".repeat(Integer.parseInt(command[1]));
          case "oom" -> exhaustHeap();
          case "exit" -> {
            System.exit(Integer.parseInt(command[1]));
            yield "unreachable";
          }
          default -> throw new IOException("unknown command " + request);
        };
    return answer.getBytes(StandardCharsets.UTF_8);
  }

  private static String hold(Path dir, String pid) throws IOException {
    Files.createFile(dir.resolve("started-" + pid));
    for (int i = 0; i < 30_000 && !Files.exists(dir.resolve("release")); i++) {
      pause(10);
    }
    return pid;
  }

  private static String exhaustHeap() {
    List<long[]> hog = new ArrayList<>();
    while (true) {
      hog.add(new long[1 << 20]);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
