package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.PeriodLength;

class MeetingPolicyTest {

    @Configuration
    @EnableConfigurationProperties({MeetingPolicy.class, CompliancePolicy.class})
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class)
            .withPropertyValues(
                    "partycell.policy.default.quorum.REGULAR.comparison=MORE_THAN",
                    "partycell.policy.default.quorum.REGULAR.numerator=1",
                    "partycell.policy.default.quorum.REGULAR.denominator=2",
                    "partycell.policy.default.quorum.THEMATIC.comparison=MORE_THAN",
                    "partycell.policy.default.quorum.THEMATIC.numerator=1",
                    "partycell.policy.default.quorum.THEMATIC.denominator=2",
                    "partycell.policy.default.quorum.EXTRAORDINARY.comparison=MORE_THAN",
                    "partycell.policy.default.quorum.EXTRAORDINARY.numerator=1",
                    "partycell.policy.default.quorum.EXTRAORDINARY.denominator=2",
                    "partycell.policy.default.quorum.CONGRESS.comparison=AT_LEAST",
                    "partycell.policy.default.quorum.CONGRESS.numerator=2",
                    "partycell.policy.default.quorum.CONGRESS.denominator=3",
                    "partycell.policy.default.compliance.REGULAR=MONTH",
                    "partycell.policy.default.compliance.THEMATIC=QUARTER");

    @Test
    void aYearOverrideMayCarryOnlyTheComplianceFrequencies() {
        runner.withPropertyValues("partycell.policy.years.2027.compliance.REGULAR=QUARTER")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MeetingPolicy.class)
                                    .quorum(2027, MeetingKind.REGULAR)
                                    .required(9))
                            .isEqualTo(5);
                    CompliancePolicy compliance = context.getBean(CompliancePolicy.class);
                    assertThat(compliance.every(2027, MeetingKind.REGULAR)).isEqualTo(PeriodLength.QUARTER);
                    assertThat(compliance.every(2027, MeetingKind.THEMATIC)).isEqualTo(PeriodLength.QUARTER);
                    assertThat(compliance.every(2026, MeetingKind.REGULAR)).isEqualTo(PeriodLength.MONTH);
                });
    }

    @Test
    void aYearOverridesOnlyWhatItNames() {
        runner.withPropertyValues(
                        "partycell.policy.years.2027.quorum.REGULAR.comparison=AT_LEAST",
                        "partycell.policy.years.2027.quorum.REGULAR.numerator=2",
                        "partycell.policy.years.2027.quorum.REGULAR.denominator=3")
                .run(context -> {
                    MeetingPolicy policy = context.getBean(MeetingPolicy.class);
                    assertThat(policy.quorum(2026, MeetingKind.REGULAR).required(9))
                            .isEqualTo(5);
                    assertThat(policy.quorum(2027, MeetingKind.REGULAR).required(9))
                            .isEqualTo(6);
                    assertThat(policy.quorum(2027, MeetingKind.CONGRESS).required(9))
                            .isEqualTo(6);
                });
    }

    @Test
    void aYearOverrideWhoseQuorumIsWrittenEmptyKeepsTheDefaultQuorum() {
        // Failed at start before (@NotEmpty on a year's quorum): a year may carry only its compliance.
        runner.withPropertyValues(
                        "partycell.policy.years.2027.quorum=", "partycell.policy.years.2027.compliance.REGULAR=QUARTER")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MeetingPolicy.class)
                                    .quorum(2027, MeetingKind.CONGRESS)
                                    .required(9))
                            .isEqualTo(6);
                    assertThat(context.getBean(CompliancePolicy.class).every(2027, MeetingKind.REGULAR))
                            .isEqualTo(PeriodLength.QUARTER);
                });
    }

    @Test
    void anImpossibleFractionStopsTheStart() {
        runner.withPropertyValues("partycell.policy.default.quorum.REGULAR.numerator=3")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aMissingKindStopsTheStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(Config.class)
                .withPropertyValues(
                        "partycell.policy.default.quorum.REGULAR.comparison=MORE_THAN",
                        "partycell.policy.default.quorum.REGULAR.numerator=1",
                        "partycell.policy.default.quorum.REGULAR.denominator=2")
                .run(context -> assertThat(context).hasFailed());
    }
}
