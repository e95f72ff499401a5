package vn.tangthu.archive.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code docs/openapi.yaml} as the build copied it, read by the Swagger project's parser. */
public final class OpenApiFile {

  private OpenApiFile() {}

  /** The file's text. */
  public static String text() {
    return new String(OpenApiResource.load(), StandardCharsets.UTF_8);
  }

  /** What the parser reports: unknown keys, broken references, wrong types; empty when valid. */
  public static List<String> problems() {
    SwaggerParseResult r = new OpenAPIV3Parser().readContents(text(), null, options());
    return r.getMessages() == null ? List.of() : r.getMessages();
  }

  /** The parsed file, references resolved. */
  public static OpenAPI parse() {
    SwaggerParseResult r = new OpenAPIV3Parser().readContents(text(), null, options());
    if (r.getOpenAPI() == null) {
      throw new IllegalStateException("docs/openapi.yaml does not parse: " + r.getMessages());
    }
    return r.getOpenAPI();
  }

  private static ParseOptions options() {
    ParseOptions o = new ParseOptions();
    o.setResolve(true);
    return o;
  }
}
