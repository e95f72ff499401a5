package vn.tangthu.archive.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import vn.tangthu.archive.error.ApiException;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Params(64, 1, 1), 1);

  @Test
  void aHashChecksItsPasswordAndNoOther() {
    String encoded = hasher.hash(new Password("mật khẩu rất dài"));
    assertThat(encoded).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    assertThat(hasher.verify("mật khẩu rất dài", encoded)).isTrue();
    assertThat(hasher.verify("mật khẩu rất dàI", encoded)).isFalse();
    assertThat(hasher.verify("", encoded)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    Password p = new Password("mật khẩu rất dài");
    assertThat(hasher.hash(p)).isNotEqualTo(hasher.hash(p));
  }

  @Test
  void precomposedAndDecomposedVietnameseAreTheSamePassword() {
    String precomposed = "Nguyễn Thị Ánh Tuyết";
    String decomposed = java.text.Normalizer.normalize(precomposed, java.text.Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(precomposed);
    assertThat(hasher.verify(decomposed, hasher.hash(new Password(precomposed)))).isTrue();
  }

  @Test
  void aMissingOrMalformedStoredHashChecksNothing() {
    assertThat(hasher.verify("anything at all", null)).isFalse();
    assertThat(hasher.verify("anything at all", "$argon2id$v=19$m=64,t=1,p=1$x$y")).isFalse();
    assertThat(hasher.verify("anything at all", "plain text")).isFalse();
  }

  @Test
  void aHashMadeWithOtherParametersStillChecksAndAsksForARehash() {
    PasswordHasher older = new PasswordHasher(new PasswordHasher.Params(32, 2, 1), 1);
    String encoded = older.hash(new Password("mật khẩu rất dài"));
    assertThat(hasher.verify("mật khẩu rất dài", encoded)).isTrue();
    assertThat(hasher.needsRehash(encoded)).isTrue();
    assertThat(hasher.needsRehash(hasher.hash(new Password("mật khẩu rất dài")))).isFalse();
  }

  @Test
  void theEncodingIsStandardArgon2id() {
    String encoded = hasher.hash(new Password("mật khẩu rất dài"));
    String[] parts = encoded.split("\\$");
    byte[] salt = java.util.Base64.getDecoder().decode(parts[4]);
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(64)
            .withIterations(1)
            .withParallelism(1)
            .withSalt(salt)
            .build());
    byte[] out = new byte[32];
    g.generateBytes("mật khẩu rất dài".getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
    assertThat(Hex.toHexString(java.util.Base64.getDecoder().decode(parts[5])))
        .isEqualTo(Hex.toHexString(out));
  }

  @Test
  void aNewPasswordHasTwelveCharactersAtLeastAndIsNeverPrinted() {
    assertThatThrownBy(() -> new Password("elevenchars")).isInstanceOf(ApiException.class);
    assertThat(new Password("twelve chars").toString()).doesNotContain("twelve");
  }
}
