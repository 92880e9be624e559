package vn.partycell.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape every service keeps: a framework-free {@code domain}, use cases in {@code application},
 * and adapters that do not reach into each other.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);

        noClasses()
                .that()
                .resideInAPackage(basePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(basePackage + ".domain..", "java..", "vn.partycell.platform.kernel..")
                .because("the domain is plain Java: records and rules, no Spring, no Mongo, no Kafka")
                .allowEmptyShould(true)
                .check(classes);

        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("domain")
                .definedBy(basePackage + ".domain..")
                .layer("application")
                .definedBy(basePackage + ".application..")
                .layer("web")
                .definedBy(basePackage + ".adapter.in.web..")
                .layer("inbound events")
                .definedBy(basePackage + ".adapter.in.events..")
                .layer("mongo")
                .definedBy(basePackage + ".adapter.out.mongo..")
                .layer("outbound events")
                .definedBy(basePackage + ".adapter.out.events..")
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("inbound events")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("mongo")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("outbound events")
                .mayOnlyBeAccessedByLayers("mongo")
                .whereLayer("application")
                .mayOnlyBeAccessedByLayers("web", "inbound events", "mongo")
                .withOptionalLayers(true)
                .check(classes);
    }
}
