package vn.tangthu.archive.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.tangthu.archive.openapi.OpenApiFile;

/**
 * The endpoints {@code docs/openapi.yaml} describes, as the bad-input suite drives them: method,
 * path template, parameters with their schemas, and the request body's media type, schema and
 * documented example (the valid request a fault is put into).
 */
final class ApiModel {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One parameter: {@code in} is path, query or header. */
  record Param(String name, String in, Schema<?> schema) {}

  /** A request body: its media type, its schema and its example (null when none). */
  record Body(String mediaType, Schema<?> schema, JsonNode example, boolean required) {

    boolean multipart() {
      return mediaType.startsWith("multipart/");
    }

    /** A multipart body's JSON part: the first object-typed property (metadata, options). */
    String jsonPart() {
      return part(p -> types(p).contains("object") || p.getProperties() != null);
    }

    /** A multipart body's file part: the first binary property (file, package). */
    String filePart() {
      return part(p -> "binary".equals(p.getFormat()));
    }

    /** The schema of the JSON part of a multipart body. */
    Schema<?> jsonPartSchema() {
      return (Schema<?>) schema.getProperties().get(jsonPart());
    }

    private String part(java.util.function.Predicate<Schema<?>> kind) {
      return schema.getProperties().entrySet().stream()
          .filter(p -> kind.test(p.getValue()))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no such part in " + schema.getProperties()));
    }
  }

  /** One operation. */
  record Endpoint(String method, String path, List<Param> params, Body body) {
    List<Param> in(String where) {
      return params.stream().filter(p -> p.in().equals(where)).toList();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private ApiModel() {}

  /** Every operation of the file, references resolved. */
  static List<Endpoint> endpoints() {
    ParseOptions o = new ParseOptions();
    o.setResolve(true);
    o.setResolveFully(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(OpenApiFile.text(), null, o).getOpenAPI();
    List<Endpoint> out = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          List<Param> params = new ArrayList<>();
                          if (op.getParameters() != null) {
                            op.getParameters()
                                .forEach(
                                    p ->
                                        params.add(
                                            new Param(p.getName(), p.getIn(), p.getSchema())));
                          }
                          out.add(new Endpoint(method.name(), path, params, body(op)));
                        }));
    return out;
  }

  private static Body body(io.swagger.v3.oas.models.Operation op) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return null;
    }
    Map.Entry<String, MediaType> first =
        op.getRequestBody().getContent().entrySet().iterator().next();
    Schema<?> schema = first.getValue().getSchema();
    boolean required = Boolean.TRUE.equals(op.getRequestBody().getRequired());
    return new Body(first.getKey(), schema, example(schema), required);
  }

  /** A schema's documented example as JSON, or null. */
  static JsonNode example(Schema<?> schema) {
    if (schema == null || schema.getExample() == null) {
      return null;
    }
    return JSON.valueToTree(schema.getExample());
  }

  /** The JSON types a schema allows ({@code type} of 3.0 or 3.1). */
  static Set<String> types(Schema<?> s) {
    if (s.getTypes() != null && !s.getTypes().isEmpty()) {
      return s.getTypes();
    }
    return s.getType() == null ? Set.of() : Set.of(s.getType());
  }
}
