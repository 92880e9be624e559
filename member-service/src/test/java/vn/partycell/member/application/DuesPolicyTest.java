package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class DuesPolicyTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(DuesPolicyConfiguration.class)
            .withPropertyValues("partycell.policy.default.dues.warning-unpaid-months=2");

    @Test
    void aYearOverridesTheDefaultAndAYearWithoutDuesKeepsIt() {
        runner.withPropertyValues(
                        "partycell.policy.years.2027.dues.warning-unpaid-months=1",
                        // another rule's override for 2028 leaves the dues default in force
                        "partycell.policy.years.2028.probation-months=12")
                .run(context -> {
                    DuesPolicy policy = context.getBean(DuesPolicy.class);
                    assertThat(policy.warningUnpaidMonths(2026)).isEqualTo(2);
                    assertThat(policy.warningUnpaidMonths(2027)).isEqualTo(1);
                    assertThat(policy.warningUnpaidMonths(2028)).isEqualTo(2);
                });
    }

    @Test
    void anImpossibleNumberStopsTheStart() {
        runner.withPropertyValues("partycell.policy.default.dues.warning-unpaid-months=13")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("partycell.policy.years.2027.dues.warning-unpaid-months=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aMissingDefaultStopsTheStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(DuesPolicyConfiguration.class)
                .run(context -> assertThat(context).hasFailed());
    }
}
