package vn.tangthu.retention.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.roda_project.commons_ip2.validator.EARKSIPValidator;
import org.roda_project.commons_ip2.validator.reporter.ValidationReportOutputJson;

/** Runs the E-ARK validator (commons-ip2, CSIP/AIP 2.2.0) on a package folder. */
final class EarkValidation {
  static final String VERSION = "2.2.0";

  /** The outcome: whether valid, and the ids of failed MUST requirements with their issues. */
  record Result(boolean valid, int errors, Map<String, List<String>> failedMust, String json) {}

  private EarkValidation() {}

  static Result validate(Path packageFolder) throws Exception {
    var json = new ByteArrayOutputStream();
    var reporter = new ValidationReportOutputJson(packageFolder, json);
    boolean valid = new EARKSIPValidator(reporter, VERSION).validate(VERSION);
    Map<String, List<String>> failed = new java.util.TreeMap<>();
    reporter
        .getResults()
        .forEach(
            (id, details) -> {
              if (!details.isValid() && !details.isSkipped()) {
                failed.put(id, details.getIssues());
              }
            });
    // keep only MUST failures: the report's JSON carries the level
    String text = json.toString(java.nio.charset.StandardCharsets.UTF_8);
    failed.keySet().removeIf(id -> !isMust(text, id));
    return new Result(valid, reporter.getErrors(), failed, text);
  }

  private static boolean isMust(String json, String id) {
    int at = json.indexOf("\"id\" : \"" + id + "\"");
    if (at < 0) {
      return true;
    }
    int level = json.indexOf("\"level\" : \"", at);
    return level >= 0 && json.startsWith("MUST", level + "\"level\" : \"".length());
  }
}
