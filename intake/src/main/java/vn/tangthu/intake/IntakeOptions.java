package vn.tangthu.intake;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to read one package.
 *
 * @param defaults values for items that lack them ({@link ImportDefaults})
 * @param limits size and shape limits ({@link IntakeLimits})
 * @param tempDir where the reader keeps its bounded spool files (a private folder inside it,
 *     removed on close): decoded edXML attachments until their item is closed, a copy of the
 *     metadata file, and the decompressed tar of a {@code .tar.gz}
 * @param packageName the uploaded file's name; the path of the single item of an {@code EDXML}
 *     package
 * @param verifyBag whether opening a bag hashes its whole payload against its manifests. Only a
 *     caller that has already opened the very same bytes with verification (an import job resuming
 *     after a restart) may turn it off; manifests, completeness and {@code fetch.txt} are checked
 *     either way
 */
public record IntakeOptions(
    ImportDefaults defaults,
    IntakeLimits limits,
    Path tempDir,
    String packageName,
    boolean verifyBag) {

  public IntakeOptions {
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(tempDir, "tempDir");
    packageName = packageName == null || packageName.isBlank() ? "package" : packageName;
  }

  /** No defaults, default limits, bags verified. */
  public static IntakeOptions of(Path tempDir) {
    return new IntakeOptions(ImportDefaults.NONE, IntakeLimits.defaults(), tempDir, null, true);
  }

  public IntakeOptions withDefaults(ImportDefaults value) {
    return new IntakeOptions(value, limits, tempDir, packageName, verifyBag);
  }

  public IntakeOptions withLimits(IntakeLimits value) {
    return new IntakeOptions(defaults, value, tempDir, packageName, verifyBag);
  }

  public IntakeOptions withPackageName(String value) {
    return new IntakeOptions(defaults, limits, tempDir, value, verifyBag);
  }

  /** For a package this reader already verified: skips hashing the payload of a bag. */
  public IntakeOptions withBagAlreadyVerified() {
    return new IntakeOptions(defaults, limits, tempDir, packageName, false);
  }
}
