package vn.tangthu.archive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.tangthu.archive.error.Messages;

/** {@code docs/openapi.yaml} is valid OpenAPI 3.1 and says what the server's problems are. */
class OpenApiFileTest {

  @Test
  void fileIsValidOpenApi31() {
    assertThat(OpenApiFile.problems()).isEmpty();
    assertThat(OpenApiFile.parse().getOpenapi()).startsWith("3.1.");
  }

  @Test
  void everyPathTemplateParameterIsDeclared() {
    OpenAPI api = OpenApiFile.parse();
    List<String> missing = new ArrayList<>();
    Pattern template = Pattern.compile("\\{([^}]+)}");
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          Matcher m = template.matcher(path);
                          while (m.find()) {
                            if (!declared(op, item.getParameters(), m.group(1))) {
                              missing.add(method + " " + path + ": " + m.group(1));
                            }
                          }
                        }));
    assertThat(missing).isEmpty();
  }

  @Test
  void problemCodesAreExactlyTheOnesWithTitles() {
    Schema<?> problem = OpenApiFile.parse().getComponents().getSchemas().get("Problem");
    Schema<?> code = (Schema<?>) problem.getProperties().get("code");
    Set<String> documented = new TreeSet<>();
    code.getExamples().forEach(e -> documented.add(String.valueOf(e)));
    assertThat(documented).isEqualTo(new TreeSet<>(Messages.codes()));
    for (String c : documented) {
      assertThat(Messages.title(c, true)).as(c).isNotEqualTo(Messages.title("?", true));
      assertThat(Messages.title(c, false)).as(c).isNotEqualTo(Messages.title("?", false));
    }
  }

  private static boolean declared(Operation op, List<Parameter> shared, String name) {
    List<Parameter> all = new ArrayList<>();
    if (op.getParameters() != null) {
      all.addAll(op.getParameters());
    }
    if (shared != null) {
      all.addAll(shared);
    }
    return all.stream()
        .anyMatch(p -> "path".equals(p.getIn()) && name.equals(p.getName()) && p.getRequired());
  }
}
