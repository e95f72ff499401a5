package vn.tangthu.archive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import jakarta.ws.rs.core.MediaType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RunningArchive;

/**
 * The OpenAPI file against the running application: it is served without a token, and it names
 * exactly the resource methods the application registers with Jersey, with their query and header
 * parameters and whether they read a body (a method or parameter missing from the file, or one the
 * file documents that nothing serves, fails).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT {

  @TempDir static Path dataDir;
  private RunningArchive archive;

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void fileIsServedWithoutAToken() throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(archive.api("openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    assertThat(r.body()).isEqualTo(OpenApiResource.load());
    String etag = r.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(archive.api("openapi.yaml"))
                    .header("If-None-Match", etag)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void fileNamesEveryResourceMethodAndNothingElse() {
    Map<String, String> served = served();
    Map<String, String> documented = new TreeMap<>();
    OpenAPI api = OpenApiFile.parse();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (m, op) ->
                            documented.put(m.name() + " " + normalize(path), signature(op))));
    assertThat(served).as("resource methods the application serves").isNotEmpty();
    assertThat(documented.keySet()).as("docs/openapi.yaml").containsAll(served.keySet());
    assertThat(served.keySet()).as("what the application serves").containsAll(documented.keySet());
    assertThat(documented)
        .as("query and header parameters, and whether a body is read")
        .isEqualTo(served);
  }

  /** "METHOD /path" of every resource method Jersey serves, with {@link #signature}. */
  private Map<String, String> served() {
    Map<String, String> served = new TreeMap<>();
    var config = archive.environment().jersey().getResourceConfig();
    Set<Class<?>> classes = new HashSet<>(config.getClasses());
    config.getInstances().forEach(i -> classes.add(i.getClass()));
    for (Class<?> c : classes) {
      if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
        collect(Resource.from(c), "", served);
      }
    }
    return served;
  }

  private static void collect(Resource r, String parent, Map<String, String> out) {
    String path = parent + "/" + r.getPath();
    for (ResourceMethod m : r.getResourceMethods()) {
      Set<String> params = new TreeSet<>();
      boolean body = m.getConsumedTypes().contains(MediaType.MULTIPART_FORM_DATA_TYPE);
      for (Parameter p : m.getInvocable().getParameters()) {
        switch (p.getSource()) {
          case QUERY -> params.add("query " + p.getSourceName());
          case HEADER -> params.add("header " + p.getSourceName().toLowerCase(Locale.ROOT));
          case ENTITY -> body = true;
          default -> {}
        }
      }
      out.put(m.getHttpMethod() + " " + normalize(path), params + (body ? " body" : ""));
    }
    for (Resource child : r.getChildResources()) {
      collect(child, path, out);
    }
  }

  /** The query and header parameters an operation documents, and whether it has a body. */
  private static String signature(Operation op) {
    Set<String> params = new TreeSet<>();
    if (op.getParameters() != null) {
      for (io.swagger.v3.oas.models.parameters.Parameter p : op.getParameters()) {
        if ("query".equals(p.getIn())) {
          params.add("query " + p.getName());
        } else if ("header".equals(p.getIn())) {
          params.add("header " + p.getName().toLowerCase(Locale.ROOT));
        }
      }
    }
    return params + (op.getRequestBody() != null ? " body" : "");
  }

  /** {@code /records/{id}} and {@code records/{recordId}/} are the same path. */
  static String normalize(String path) {
    String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{[^}]*}", "{}");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
