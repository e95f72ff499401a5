package vn.tangthu.storage.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tangthu.storage.internal.s3.S3Exception;

/** The examples of AWS's "Authenticating Requests (AWS Signature Version 2)" (johnsmith). */
class SigV2VerifierTest {
  private static final String ACCESS = "AKIAIOSFODNN7EXAMPLE";
  private static final Map<String, String> SECRETS =
      Map.of(ACCESS, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  private static SigV2Verifier at(String instant) {
    return new SigV2Verifier(SECRETS, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  private static SigV4Verifier.SignedRequest get(Map<String, String> headers, String query) {
    return new SigV4Verifier.SignedRequest(
        "GET",
        "/johnsmith/photos/puppy.jpg",
        query,
        n ->
            headers.containsKey(n.toLowerCase())
                ? List.of(headers.get(n.toLowerCase()))
                : List.of(),
        () -> List.copyOf(headers.keySet()));
  }

  @Test
  void authorizationHeaderOfTheDocumentationIsAccepted() {
    var r = get(Map.of("date", "Tue, 27 Mar 2007 19:36:42 +0000"), null);
    AuthContext a =
        at("2007-03-27T19:40:00Z")
            .verifyHeader(r, "AWS " + ACCESS + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
    assertThat(a.accessKey()).isEqualTo(ACCESS);
    assertThatThrownBy(
            () ->
                at("2007-03-27T19:40:00Z")
                    .verifyHeader(r, "AWS " + ACCESS + ":bWq2s1WEIj+Ydj0vQ697zp+IXMV="))
        .isInstanceOfSatisfying(
            S3Exception.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
  }

  @Test
  void presignedUrlOfTheDocumentationIsAcceptedUntilItExpires() {
    Map<String, String> q =
        Map.of(
            "AWSAccessKeyId", ACCESS,
            "Expires", "1175139620",
            "Signature", "NpgCjnDzrM+WFzoENXmpNDUsSn8=");
    String raw =
        "AWSAccessKeyId="
            + ACCESS
            + "&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D";
    var r = get(Map.of(), raw);
    assertThat(at("2007-03-27T19:40:00Z").verifyPresigned(r, q).accessKey()).isEqualTo(ACCESS);
    assertThatThrownBy(() -> at("2007-03-30T00:00:00Z").verifyPresigned(r, q))
        .isInstanceOfSatisfying(
            S3Exception.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
    var other =
        new SigV4Verifier.SignedRequest(
            "GET", "/johnsmith/photos/kitten.jpg", raw, n -> List.of(), () -> List.of());
    assertThatThrownBy(() -> at("2007-03-27T19:40:00Z").verifyPresigned(other, q))
        .isInstanceOfSatisfying(
            S3Exception.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
  }
}
