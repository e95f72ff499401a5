package vn.tangthu.bench;

import java.util.Arrays;
import vn.tangthu.archive.auth.Password;
import vn.tangthu.archive.auth.PasswordHasher;

/**
 * Whether a sign-in's time tells a wrong password from an unknown user: the password check the
 * server makes in each case ({@link PasswordHasher#verify} against the user's stored Argon2id hash,
 * and against no hash, which checks the dummy), interleaved in one thread with the archive's
 * parameters. Prints the percentiles of both and the difference of their medians.
 *
 * <p>Usage: {@code SignInTimingBenchmark [iterations=200]}; see {@code bench/sign-in.sh}.
 */
public final class SignInTimingBenchmark {

  private SignInTimingBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT, 1);
    String stored = hasher.hash(new Password("mật khẩu thật của người dùng"));
    long[] wrongPassword = new long[n];
    long[] unknownUser = new long[n];
    for (int round = 0; round < 2; round++) { // the first round warms up
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        boolean a = hasher.verify("một mật khẩu sai " + i, stored);
        long t1 = System.nanoTime();
        boolean b = hasher.verify("một mật khẩu sai " + i, null);
        long t2 = System.nanoTime();
        if (a || b) {
          throw new IllegalStateException("a wrong password matched");
        }
        wrongPassword[i] = t1 - t0;
        unknownUser[i] = t2 - t1;
      }
    }
    System.out.println("Argon2id " + PasswordHasher.DEFAULT + ", " + n + " checks each");
    print("wrong password", wrongPassword);
    print("unknown user  ", unknownUser);
    double diff = (median(unknownUser) - median(wrongPassword)) / 1e6;
    System.out.printf("median difference (unknown - wrong): %+.2f ms%n", diff);
  }

  private static double median(long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void print(String name, long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    System.out.printf(
        "%s p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  min %.1f ms  max %.1f ms%n",
        name,
        s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.9)] / 1e6,
        s[(int) (s.length * 0.99)] / 1e6,
        s[0] / 1e6,
        s[s.length - 1] / 1e6);
  }
}
