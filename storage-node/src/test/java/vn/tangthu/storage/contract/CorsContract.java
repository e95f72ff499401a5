package vn.tangthu.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket CORS, what a web client uploading straight to storage needs: the configuration's round
 * trip, preflight requests answered from its rules (403 when none matches), and the Access-Control
 * headers of a request with an Origin.
 */
interface CorsContract extends ContractContext {
  private HttpResponse<String> preflight(String origin, String method, String headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server().endpoint() + "/" + bucket() + "/upload.pdf"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method);
    if (headers != null) {
      b.header("Access-Control-Request-Headers", headers);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  default void corsConfigurationAnswersPreflightAndRequests() throws Exception {
    // S3Proxy 4.1.0 has one CORS setting for the whole server, no per-bucket configuration
    assumeFeature(S3Target.Feature.BUCKET_CORS);
    assertThatThrownBy(() -> aws().getBucketCors(r -> r.bucket(bucket())))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCORSConfiguration"));
    aws()
        .putBucketCors(
            r ->
                r.bucket(bucket())
                    .corsConfiguration(
                        c ->
                            c.corsRules(
                                CORSRule.builder()
                                    .allowedOrigins("https://*.bacninh.gov.vn")
                                    .allowedMethods("PUT", "GET")
                                    .allowedHeaders("content-type", "x-amz-*")
                                    .exposeHeaders("ETag")
                                    .maxAgeSeconds(600)
                                    .build())));
    var rules = aws().getBucketCors(r -> r.bucket(bucket())).corsRules();
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).allowedOrigins()).containsExactly("https://*.bacninh.gov.vn");
    assertThat(rules.get(0).maxAgeSeconds()).isEqualTo(600);
    var ok = preflight("https://archive.bacninh.gov.vn", "PUT", "Content-Type, X-Amz-Date");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://archive.bacninh.gov.vn");
    assertThat(ok.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT");
    assertThat(ok.headers().firstValue("Access-Control-Max-Age")).contains("600");
    assertThat(preflight("https://evil.example", "PUT", null).statusCode()).isEqualTo(403);
    assertThat(preflight("https://archive.bacninh.gov.vn", "DELETE", null).statusCode())
        .isEqualTo(403);
    assertThat(preflight("https://archive.bacninh.gov.vn", "PUT", "x-other-header").statusCode())
        .isEqualTo(403);
    aws().deleteBucketCors(r -> r.bucket(bucket()));
    assertThat(preflight("https://archive.bacninh.gov.vn", "PUT", null).statusCode())
        .isEqualTo(403);
    aws().putObject(r -> r.bucket(bucket()).key("k"), RequestBody.fromString("k"));
  }
}
