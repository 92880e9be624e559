package vn.partycell.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The shape every service keeps, checked on its main classes (see INDEX.md, "The shape of a
 * service"): a framework-free {@code domain}; use cases in {@code application} that know no wire,
 * store or broker types; adapters that do not reach into each other; ports that speak the
 * platform's own page types.
 */
public final class ArchitectureRules {

    /** What the application layer may never see: serialisation, persistence, messaging, wire types. */
    static final List<String> NOT_IN_APPLICATION = List.of(
            "tools.jackson..",
            "com.fasterxml.jackson..",
            "org.springframework.data..",
            "com.mongodb..",
            "org.bson..",
            "org.apache.kafka..",
            "org.springframework.kafka..",
            "org.springframework.cloud.stream..",
            "org.springframework.messaging..",
            "io.cloudevents..",
            "vn.partycell.platform.events..",
            "vn.partycell.platform.outbox..",
            "vn.partycell.platform.mongo..",
            "vn.partycell.contracts..");

    private ArchitectureRules() {}

    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Every rule below, on one service's main classes. */
    public static void check(String basePackage) {
        JavaClasses classes = mainClasses(basePackage);
        domainIsPlainJava(basePackage, classes);
        applicationKnowsNoWireStoreOrBroker(basePackage, classes);
        portsSpeakThePlatformsPageTypes(basePackage, classes);
        adaptersDoNotDependOnEachOther(basePackage, classes);
    }

    /** Like ddd-by-examples' NoSpringInDomainLogicTest: the JDK, the platform kernel and itself. */
    public static void domainIsPlainJava(String basePackage, JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage(basePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(basePackage + ".domain..", "java..", "vn.partycell.platform.kernel..")
                .because("the domain is plain Java: records and rules, no Spring, no Mongo, no Kafka")
                .allowEmptyShould(true)
                .check(classes);
    }

    public static void applicationKnowsNoWireStoreOrBroker(String basePackage, JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage(basePackage + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(NOT_IN_APPLICATION.toArray(String[]::new))
                .because("use cases take typed commands and calls; adapters own JSON, documents and records")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** No port (an application interface) returns or takes a Spring Data page, pageable or sort. */
    public static void portsSpeakThePlatformsPageTypes(String basePackage, JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage(basePackage + ".application..")
                .and()
                .areInterfaces()
                .should(exposeTypesFrom("org.springframework.data.domain"))
                .because("ports use vn.partycell.platform.kernel.PageQuery and ResultPage")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Like buckpal's DependencyRuleTests: inbound and outbound adapters only meet in the application. */
    public static void adaptersDoNotDependOnEachOther(String basePackage, JavaClasses classes) {
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
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("application")
                .mayOnlyBeAccessedByLayers("web", "inbound events", "mongo", "outbound events")
                .withOptionalLayers(true)
                .check(classes);
    }

    private static ArchCondition<JavaClass> exposeTypesFrom(String packageName) {
        return new ArchCondition<>("expose types of " + packageName + " in a method signature") {
            @Override
            public void check(JavaClass port, ConditionEvents events) {
                for (JavaMethod method : port.getMethods()) {
                    boolean exposes = method.getRawReturnType().getPackageName().equals(packageName)
                            || method.getRawParameterTypes().stream()
                                    .anyMatch(t -> t.getPackageName().equals(packageName));
                    if (exposes) {
                        events.add(SimpleConditionEvent.satisfied(
                                method, method.getFullName() + " exposes a type of " + packageName));
                    }
                }
            }
        };
    }
}
