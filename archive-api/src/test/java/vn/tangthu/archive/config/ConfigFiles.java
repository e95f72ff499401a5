package vn.tangthu.archive.config;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/**
 * Builds configurations as start-up does: Dropwizard's YAML factory with the real validator, from a
 * shipped file (with {@code ${VAR}} substitution) or from YAML text.
 */
final class ConfigFiles {

  static final String PRODUCTION = "../deploy/config/production.yml";

  /** What production.yml requires from the environment, apart from what a test sets. */
  static final Map<String, String> REQUIRED =
      Map.of(
          "ARCHIVE_DB_URL", "jdbc:postgresql://db.example:5432/tangthu",
          "ARCHIVE_DB_PASSWORD", "secret",
          "ARCHIVE_S3_ENDPOINT", "https://s3.example:9000",
          "ARCHIVE_S3_ACCESS_KEY", "access",
          "ARCHIVE_S3_SECRET_KEY", "secret-key");

  private ConfigFiles() {}

  static ArchiveConfiguration load(ConfigurationSourceProvider source, String path)
      throws Exception {
    return new YamlConfigurationFactory<>(
            ArchiveConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(source, path);
  }

  /** A shipped file, its variables from {@link #REQUIRED} and {@code env}. */
  static ArchiveConfiguration load(String path, Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(REQUIRED);
    all.putAll(env);
    return load(
        new SubstitutingSourceProvider(
            new FileOrResourceSourceProvider(), new StringSubstitutor(all, "${", "}", '$', ":-")),
        path);
  }

  /** A configuration written inline. */
  static ArchiveConfiguration yaml(String text) throws Exception {
    return load(p -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inline.yml");
  }
}
