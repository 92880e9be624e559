package vn.partycell.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Per-year policy: defaults shipped, a year may override, values are checked when the service starts. */
class NoticePoliciesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NoticePolicies.class)
    static class Binding {}

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Binding.class);

    @Test
    void aYearWithoutOverrideUsesTheDefaultAndAnOverriddenYearItsOwnValue() {
        runner.withPropertyValues(
                        "partycell.policy.default.removal-review-absent-months=3",
                        "partycell.policy.years.2027.removal-review-absent-months=2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    NoticePolicies policies = context.getBean(NoticePolicies.class);
                    assertThat(policies.forYear(2026).removalReviewAbsentMonths())
                            .isEqualTo(3);
                    assertThat(policies.forYear(2027).removalReviewAbsentMonths())
                            .isEqualTo(2);
                    assertThat(policies.forYear(2027).year()).isEqualTo(2027);
                });
    }

    @Test
    void aValueOutOfRangeStopsTheStart() {
        runner.withPropertyValues("partycell.policy.default.removal-review-absent-months=13")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(
                        "partycell.policy.default.removal-review-absent-months=3",
                        "partycell.policy.years.2026.removal-review-absent-months=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theDefaultIsRequired() {
        runner.run(context -> assertThat(context).hasFailed());
    }
}
