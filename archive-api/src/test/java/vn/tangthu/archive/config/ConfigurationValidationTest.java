package vn.tangthu.archive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tangthu.archive.config.ConfigFiles.PRODUCTION;
import static vn.tangthu.archive.config.ConfigFiles.load;
import static vn.tangthu.archive.config.ConfigFiles.yaml;

import io.dropwizard.configuration.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tangthu.indexer.ocr.OcrSettings;

/**
 * Configuration is checked the Dropwizard way, by the same factory and validator as start-up: a bad
 * value fails with a message naming the field, and the files the project ships are valid.
 */
class ConfigurationValidationTest {

  @Test
  void aNegativeTimeoutFailsNamingTheField() {
    assertThatThrownBy(() -> yaml("index:\n  extractionTimeout: -PT5S\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("index.extractionTimeout");
    assertThatThrownBy(() -> yaml("signatures:\n  verifyTimeout: PT0S\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("signatures.verifyTimeout");
  }

  @Test
  void anUnknownIsolationModeFailsNamingTheField() {
    assertThatThrownBy(() -> yaml("index:\n  isolation: sandbox\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("index.isolation")
        .hasMessageContaining("fork or in-process");
    assertThatThrownBy(() -> yaml("signatures:\n  isolation: FORKED\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("signatures.isolation");
  }

  @Test
  void numbersOutOfBoundsFailNamingTheField() {
    assertThatThrownBy(() -> yaml("imports:\n  lease: PT2S\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("imports.lease");
    assertThatThrownBy(() -> yaml("database:\n  maxConnections: 1\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database.maxConnections");
    assertThatThrownBy(() -> yaml("storage:\n  embeddedPort: 70000\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("storage.embeddedPort");
  }

  @Test
  void anExternalServerWithoutItsSettingsFailsNamingThem() {
    assertThatThrownBy(() -> yaml("database:\n  embedded: false\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database.url")
        .hasMessageContaining("database.user");
    assertThatThrownBy(() -> yaml("storage:\n  embedded: false\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("storage.endpoint");
    assertThatThrownBy(() -> yaml("storage:\n  derivedBucket: tangthu-originals\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("storage.derivedBucket");
  }

  @Test
  void timesAreReadInIso8601OrTheDropwizardWay() throws Exception {
    ArchiveConfiguration config =
        yaml("imports:\n  lease: PT90S\n  pollInterval: 500ms\nindex:\n  isolation: in-process\n");
    assertThat(config.getImports().lease().toJavaDuration()).hasSeconds(90);
    assertThat(config.getImports().pollInterval().toMilliseconds()).isEqualTo(500);
    assertThat(config.getIndex().isolation()).isEqualTo(Isolation.IN_PROCESS);
  }

  @Test
  void absentValuesTakeTheirDefaults() throws Exception {
    ArchiveConfiguration config = yaml("imports:\n  parallelism: 3\n");
    assertThat(config.getImports().parallelism()).isEqualTo(3);
    assertThat(config.getImports().lease().toJavaDuration()).hasSeconds(60);
    assertThat(config.getIndex().isolation()).isEqualTo(Isolation.FORK);
    assertThat(config.getSignatures().verifierProcesses()).isEqualTo(1);
    assertThat(config.getDatabase().embedded()).isTrue();
    assertThat(config.getStorage().embeddedPort()).isEqualTo(9000);
  }

  @Test
  void aNegativePrintingCostFailsNamingTheField() {
    assertThatThrownBy(() -> yaml("printing:\n  costPerPageVnd: -1\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("printing.costPerPageVnd");
    assertThatThrownBy(() -> yaml("printing:\n  copiesPerPage: 0\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("printing.copiesPerPage");
  }

  @Test
  void ocrSettingsOutOfBoundsFailNamingTheField() {
    assertThatThrownBy(() -> yaml("index:\n  ocr:\n    maxPages: 0\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("index.ocr.maxPages");
    assertThatThrownBy(() -> yaml("index:\n  ocr:\n    pageTimeout: -PT5S\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("index.ocr.pageTimeout");
    assertThatThrownBy(() -> yaml("index:\n  ocr:\n    documentTimeout: 0s\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("index.ocr.documentTimeout");
    assertThatThrownBy(() -> yaml("index:\n  ocr:\n    languages: [vie, \"eng; rm\"]\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("index.ocr.languages");
    assertThatThrownBy(() -> yaml("index:\n  ocr:\n    heapMb: 64\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("index.ocr.heapMb");
  }

  @Test
  void ocrAndPrintingTakeTheirDefaultsAndReadTimesEitherWay() throws Exception {
    ArchiveConfiguration absent = yaml("index:\n  ocr:\n    processes: 2\n");
    assertThat(absent.getIndex().ocr().processes()).isEqualTo(2);
    assertThat(absent.getIndex().ocr().heapMb()).isEqualTo(768);
    assertThat(absent.getIndex().ocr().reopenAtStart()).isTrue();
    assertThat(absent.getIndex().ocr().settings()).isEqualTo(OcrSettings.DEFAULT);
    assertThat(absent.getPrinting().costPerPageVnd()).isEqualTo(500L);
    assertThat(absent.getPrinting().copiesPerPage()).isEqualTo(3);

    ArchiveConfiguration given =
        yaml(
            "index:\n  ocr:\n    pageTimeout: PT90S\n    documentTimeout: 10 minutes\n"
                + "    tesseractPath: /opt/bin/tesseract\n    languages: [eng]\n"
                + "printing:\n  costPerPageVnd: 0\n");
    OcrSettings settings = given.getIndex().ocr().settings();
    assertThat(settings.pageTimeout()).hasSeconds(90);
    assertThat(settings.documentTimeout()).hasMinutes(10);
    assertThat(settings.tesseractPath()).hasToString("/opt/bin/tesseract");
    assertThat(settings.languages()).containsExactly("eng");
    assertThat(given.getPrinting().costPerPageVnd()).isZero();
  }

  @Test
  void theShippedEmbeddedConfigurationIsValid() throws Exception {
    ArchiveConfiguration config = load(FileOrResourceSourceProvider.EMBEDDED, Map.of());
    assertThat(config.getDatabase().embedded()).isTrue();
    assertThat(config.getStorage().embedded()).isTrue();
    assertThat(config.getIndex().isolation()).isEqualTo(Isolation.FORK);
  }

  @Test
  void theShippedProductionConfigurationIsValidWithItsRequiredEnvironment() throws Exception {
    ArchiveConfiguration config = load(PRODUCTION, Map.of());
    assertThat(config.getDatabase().embedded()).isFalse();
    assertThat(config.getDatabase().maxConnections()).isEqualTo(32);
    assertThat(config.getIndex().extractionTimeout().toJavaDuration()).hasSeconds(60);
    assertThat(config.getImports().lease().toJavaDuration()).hasSeconds(60);
  }
}
