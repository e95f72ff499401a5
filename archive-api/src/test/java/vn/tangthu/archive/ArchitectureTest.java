package vn.tangthu.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape of the code base, checked on the main classes of every module on archive-api's class
 * path (archive-api sees them all). A module is a top-level package {@code vn.tangthu.<module>}:
 * {@code archive} (archive-api), {@code indexer}, {@code signature}, {@code retention}, {@code
 * storage} (storage-node), {@code intake}, and the base modules {@code child} (child-process) and
 * {@code json} (canonical-json).
 *
 * <p>Inside archive-api, the features (its packages {@code vn.tangthu.archive.<feature>}) form no
 * cycle: they share the vocabulary of {@code base} and depend on each other in one direction.
 */
@AnalyzeClasses(
    packages = "vn.tangthu",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.DoNotIncludeTestJars.class
    })
class ArchitectureTest {
  private static final String ROOT = "vn.tangthu.";

  /** A module's {@code internal} packages are for that module alone. */
  @ArchTest
  static final ArchRule noModuleReachesIntoAnotherModulesInternals =
      classes()
          .that()
          .resideInAPackage("vn.tangthu..")
          .should(useNoInternalPackageOfAnotherModule());

  /**
   * Modules depend downward only: archive-api on the others; indexer, signature, retention and the
   * storage node on none of each other; the base modules on no module at all.
   */
  @ArchTest
  static final ArchRule modulesDependDownwardOnly =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("archive")
          .definedBy("vn.tangthu.archive..")
          .layer("indexer")
          .definedBy("vn.tangthu.indexer..")
          .layer("signature")
          .definedBy("vn.tangthu.signature..")
          .layer("retention")
          .definedBy("vn.tangthu.retention..")
          .layer("storage")
          .definedBy("vn.tangthu.storage..")
          .layer("intake")
          .definedBy("vn.tangthu.intake..")
          .layer("child")
          .definedBy("vn.tangthu.child..")
          .layer("json")
          .definedBy("vn.tangthu.json..")
          .whereLayer("archive")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("indexer")
          .mayOnlyBeAccessedByLayers("archive")
          .whereLayer("signature")
          .mayOnlyBeAccessedByLayers("archive")
          .whereLayer("retention")
          .mayOnlyBeAccessedByLayers("archive")
          .whereLayer("storage")
          .mayOnlyBeAccessedByLayers("archive")
          .whereLayer("intake")
          .mayOnlyBeAccessedByLayers("archive")
          .whereLayer("child")
          .mayOnlyBeAccessedByLayers(
              "archive", "indexer", "signature", "retention", "storage", "intake")
          .whereLayer("json")
          .mayOnlyBeAccessedByLayers(
              "archive", "indexer", "signature", "retention", "storage", "intake");

  /**
   * archive-api's features depend on each other in one direction only; what several need (who
   * calls, the audit trail's vocabulary) is in {@code base}.
   */
  @ArchTest
  static final ArchRule archiveFeaturesFormNoCycle =
      slices().matching("vn.tangthu.archive.(*)..").should().beFreeOfCycles();

  private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherModule() {
    return new ArchCondition<>("use no internal package of another module") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = module(origin.getPackageName());
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getBaseComponentType().getPackageName();
          if (isInternal(target) && !module(target).equals(from)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  private static boolean isInternal(String packageName) {
    return packageName.startsWith(ROOT)
        && (packageName.endsWith(".internal") || packageName.contains(".internal."));
  }

  /** The module of a package under {@code vn.tangthu}: its first segment below the root. */
  private static String module(String packageName) {
    if (!packageName.startsWith(ROOT)) {
      return "";
    }
    int end = packageName.indexOf('.', ROOT.length());
    return end < 0
        ? packageName.substring(ROOT.length())
        : packageName.substring(ROOT.length(), end);
  }

  /** Leaves out the test jars of other modules (signature's test PKI is on this class path). */
  public static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }
}
