package vn.tangthu.archive.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks passwords with Argon2id (RFC 9106, Bouncy Castle's {@link
 * Argon2BytesGenerator}), stored in the PHC string format {@code
 * $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded base64): the algorithm, its
 * version and parameters travel with each hash, so a hash made with older parameters still checks
 * and {@link #needsRehash} says when to replace it.
 *
 * <p>{@link #verify} always costs one hash, whether or not there is a stored hash to check against
 * (an unknown user, a user without a password, a malformed stored value are checked against a dummy
 * hash made with the current parameters): the answer's time does not tell which names exist. At
 * most {@code permits} hashes run at once (each takes {@code m} KiB of memory); further sign-ins
 * wait their turn. Thread-safe.
 */
public final class PasswordHasher {

  /**
   * Argon2id parameters.
   *
   * @param memoryKib memory per hash in KiB
   * @param iterations passes over the memory
   * @param parallelism lanes
   */
  public record Params(int memoryKib, int iterations, int parallelism) {
    public Params {
      if (parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException("parallelism must be 1..16");
      }
      if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
        throw new IllegalArgumentException("memoryKib must be 8*parallelism..4 GiB");
      }
      if (iterations < 1 || iterations > 100) {
        throw new IllegalArgumentException("iterations must be 1..100");
      }
    }
  }

  /** OWASP's first Argon2id recommendation: 19 MiB, 2 passes, 1 lane. */
  public static final Params DEFAULT = new Params(19_456, 2, 1);

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern ENCODED =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})"
              + "\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Params params;
  private final SecureRandom random = new SecureRandom();
  private final Semaphore permits;
  private final String dummy;

  public PasswordHasher(Params params, int permits) {
    this.params = Objects.requireNonNull(params, "params");
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1");
    }
    this.permits = new Semaphore(permits, true);
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    this.dummy = encode(params, salt(), derive(params, salt(), B64.encodeToString(secret)));
  }

  /** A new encoded hash of {@code password} with a fresh random salt and the current parameters. */
  public String hash(Password password) {
    byte[] salt = salt();
    return encode(params, salt, derive(params, salt, password.value()));
  }

  /**
   * Whether {@code presented} is the password {@code encoded} was made from; false for a null or
   * malformed {@code encoded}, after the same work as a real check.
   */
  public boolean verify(String presented, String encoded) {
    Optional<Decoded> stored = decode(encoded);
    Decoded d = stored.orElseGet(() -> decode(dummy).orElseThrow());
    String normalised =
        presented == null ? "" : Normalizer.normalize(presented, Normalizer.Form.NFC);
    byte[] actual = derive(d.params(), d.salt(), normalised, d.hash().length);
    return MessageDigest.isEqual(actual, d.hash()) && stored.isPresent();
  }

  /** Whether {@code encoded} was made with other parameters than the current ones. */
  public boolean needsRehash(String encoded) {
    return decode(encoded).map(d -> !d.params().equals(params)).orElse(true);
  }

  private record Decoded(Params params, byte[] salt, byte[] hash) {}

  private static Optional<Decoded> decode(String encoded) {
    if (encoded == null) {
      return Optional.empty();
    }
    Matcher m = ENCODED.matcher(encoded);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Params p =
          new Params(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      return Optional.of(new Decoded(p, B64D.decode(m.group(4)), B64D.decode(m.group(5))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String encode(Params p, byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m="
        + p.memoryKib()
        + ",t="
        + p.iterations()
        + ",p="
        + p.parallelism()
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  private byte[] salt() {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return salt;
  }

  private byte[] derive(Params p, byte[] salt, String password) {
    return derive(p, salt, password, HASH_BYTES);
  }

  private byte[] derive(Params p, byte[] salt, String password, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(p.memoryKib())
            .withIterations(p.iterations())
            .withParallelism(p.parallelism())
            .withSalt(salt)
            .build());
    byte[] out = new byte[length];
    permits.acquireUninterruptibly();
    try {
      generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    } finally {
      permits.release();
    }
    return out;
  }
}
