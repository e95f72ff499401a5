package vn.tangthu.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's contract, with real child JVMs running {@link TestChild}. */
class ChildPoolTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  @TempDir Path dir;

  private static ChildPool pool(int processes, int heapMb, Duration timeout) {
    return pool(ForkSettings.fromThisJvm(processes, heapMb), timeout, 1 << 20);
  }

  private static ChildPool pool(ForkSettings settings, Duration timeout, int maxAnswerBytes) {
    return new ChildPool(
        new ChildProgram(
            "test",
            TestChild.class,
            List.of(),
            "xin chào".getBytes(StandardCharsets.UTF_8),
            maxAnswerBytes),
        settings,
        timeout);
  }

  private static String call(ChildPool pool, String request) throws Exception {
    return new String(pool.call(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static ChildFailure.Kind failureOf(ChildPool pool, String request) {
    try {
      call(pool, request);
    } catch (ChildFailure e) {
      return e.kind();
    } catch (Exception e) {
      throw new AssertionError("expected a ChildFailure", e);
    }
    throw new AssertionError("expected a ChildFailure, got an answer");
  }

  private static void assertDies(long pid) throws Exception {
    var handle = ProcessHandle.of(pid);
    if (handle.isPresent()) {
      handle.get().onExit().get(30, TimeUnit.SECONDS);
    }
  }

  /** The child {@code first} is dead and a new one, greeted, serves in its place. */
  private static void assertReplaced(ChildPool pool, long first) throws Exception {
    assertDies(first);
    assertThat(pool.childPids()).hasSize(1).doesNotContain(first);
    assertThat(call(pool, "greeting")).isEqualTo("xin chào");
  }

  private void awaitStarted(int children) throws Exception {
    for (int i = 0; i < 6_000; i++) {
      try (var files = Files.list(dir)) {
        if (files.filter(f -> f.getFileName().toString().startsWith("started-")).count()
            >= children) {
          return;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the children never started their requests");
  }

  @Test
  void answersFromAWarmChildThatKeepsTheGreetingAndSurvivesPrinting() throws Exception {
    try (ChildPool pool = pool(1, 64, MINUTE)) {
      List<Long> pids = pool.childPids();
      assertThat(pids).hasSize(1);
      assertThat(call(pool, "greeting")).isEqualTo("xin chào");
      assertThat(call(pool, "print")).isEqualTo("printed");
      assertThat(call(pool, "echo:Quyết định")).isEqualTo("Quyết định");
      assertThat(call(pool, "pid")).isEqualTo(pids.get(0).toString());
      assertThat(pool.childPids()).isEqualTo(pids);
    }
  }

  @Test
  void callersBeyondThePoolSizeWaitForAFreeChild() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try (ChildPool pool = pool(2, 64, MINUTE)) {
      Set<String> children = new HashSet<>();
      pool.childPids().forEach(pid -> children.add(pid.toString()));
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(callers.submit(() -> call(pool, "sleep:200")));
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get()).isIn(children);
      }
      assertThat(pool.childPids()).hasSize(2);
      assertThat(new HashSet<>(pool.childPids().stream().map(String::valueOf).toList()))
          .isEqualTo(children);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aRequestPastTheTimeLimitIsCutOffAndItsChildReplaced() throws Exception {
    try (ChildPool pool = pool(1, 64, Duration.ofSeconds(1))) {
      long first = Long.parseLong(call(pool, "pid"));
      assertThat(failureOf(pool, "sleep:600000")).isEqualTo(ChildFailure.Kind.TIMED_OUT);
      assertReplaced(pool, first);
    }
  }

  @Test
  void anInterruptedCallerKillsItsChild() throws Exception {
    try (ChildPool pool = pool(1, 64, MINUTE)) {
      long first = Long.parseLong(call(pool, "pid"));
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  call(pool, "hold:" + dir);
                  outcome.complete(null);
                } catch (Throwable e) {
                  outcome.complete(e);
                }
              });
      caller.start();
      awaitStarted(1);
      caller.interrupt();
      assertThat(outcome.get(60, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
      assertReplaced(pool, first);
    }
  }

  @Test
  void aChildThatRunsOutOfMemoryIsReportedAndReplaced() throws Exception {
    try (ChildPool pool = pool(1, 32, MINUTE)) {
      long first = Long.parseLong(call(pool, "pid"));
      assertThat(failureOf(pool, "oom")).isEqualTo(ChildFailure.Kind.OUT_OF_MEMORY);
      assertReplaced(pool, first);
    }
  }

  @Test
  void aChildThatDiesIsReportedCrashedAndReplaced() throws Exception {
    try (ChildPool pool = pool(1, 64, MINUTE)) {
      long first = Long.parseLong(call(pool, "pid"));
      assertThatThrownBy(() -> call(pool, "exit:7"))
          .isInstanceOfSatisfying(
              ChildFailure.class, e -> assertThat(e.kind()).isEqualTo(ChildFailure.Kind.CRASHED))
          .hasMessageContaining("exit status 7");
      assertReplaced(pool, first);
    }
  }

  @Test
  void anAnswerOverTheLimitBreaksTheProtocolAndIsACrash() throws Exception {
    try (ChildPool pool = pool(ForkSettings.fromThisJvm(1, 64), MINUTE, 1000)) {
      assertThat(call(pool, "big:1000")).hasSize(1000);
      assertThat(failureOf(pool, "big:1001")).isEqualTo(ChildFailure.Kind.CRASHED);
      assertThat(call(pool, "big:10")).hasSize(10);
    }
  }

  @Test
  void aChildThatCannotStartIsReportedAtEachRequestWithoutShrinkingThePool() throws Exception {
    ForkSettings wrongClassPath =
        new ForkSettings(
            ForkSettings.fromThisJvm(1, 64).javaCommand(),
            dir.resolve("nothing-here").toString(),
            1,
            64,
            List.of());
    try (ChildPool pool = pool(wrongClassPath, MINUTE, 1000)) {
      assertThat(failureOf(pool, "pid")).isEqualTo(ChildFailure.Kind.CRASHED);
      assertThat(failureOf(pool, "pid")).isEqualTo(ChildFailure.Kind.CRASHED);
      assertThat(pool.childPids()).hasSize(1);
    }
    ForkSettings noJava = new ForkSettings(dir.resolve("no-java").toString(), "", 1, 64, List.of());
    assertThatThrownBy(() -> pool(noJava, MINUTE, 1000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot start a test process");
  }

  @Test
  void closeKillsEveryChildAndFailsCallersInProgressAndWaiting() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      ChildPool pool = pool(1, 64, MINUTE);
      List<Long> pids = pool.childPids();
      Future<String> holding = callers.submit(() -> call(pool, "hold:" + dir));
      awaitStarted(1);
      Future<String> waiting = callers.submit(() -> call(pool, "pid"));
      pool.close();
      for (Future<String> call : List.of(holding, waiting)) {
        assertThatThrownBy(call::get)
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOfSatisfying(
                ChildFailure.class, e -> assertThat(e.kind()).isEqualTo(ChildFailure.Kind.CLOSED));
      }
      for (long pid : pids) {
        assertDies(pid);
      }
      assertThat(pool.childPids()).isEmpty();
      assertThat(failureOf(pool, "pid")).isEqualTo(ChildFailure.Kind.CLOSED);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void poolsWithTheirOwnSettingsRunSideBySide() throws Exception {
    ExecutorService callers = Executors.newSingleThreadExecutor();
    try (ChildPool slow = pool(1, 48, MINUTE);
        ChildPool quick = pool(2, 160, Duration.ofSeconds(30))) {
      Future<String> held = callers.submit(() -> call(slow, "hold:" + dir));
      awaitStarted(1);
      long quickHeap = Long.parseLong(call(quick, "heap"));
      assertThat(held).isNotDone();
      assertThat(quickHeap).isGreaterThan(100L << 20).isLessThanOrEqualTo(160L << 20);
      Files.createFile(dir.resolve("release"));
      assertThat(held.get(60, TimeUnit.SECONDS)).isEqualTo(slow.childPids().get(0).toString());
      assertThat(Long.parseLong(call(slow, "heap"))).isLessThanOrEqualTo(48L << 20);
      assertThat(quick.childPids()).hasSize(2).doesNotContainAnyElementsOf(slow.childPids());
    } finally {
      callers.shutdownNow();
    }
  }
}
