package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import vn.partycell.meeting.domain.MeetingKind;

/** The proceedings' policy: defaults per kind, a year naming only what differs, bad values stopping the start. */
class ProceedingsPolicyTest {

    private static final String P = "partycell.policy.proceedings.";

    @Configuration
    @EnableConfigurationProperties(ProceedingsPolicy.class)
    static class Config {}

    private static String[] defaults() {
        List<String> values = new ArrayList<>();
        for (MeetingKind kind : MeetingKind.values()) {
            values.add(P + "default.speakers-target." + kind + "=8");
            values.add(P + "default.resolution-pass." + kind + ".comparison=MORE_THAN");
            values.add(P + "default.resolution-pass." + kind + ".numerator=1");
            values.add(P + "default.resolution-pass." + kind + ".denominator=2");
        }
        values.add(P + "default.election.comparison=MORE_THAN");
        values.add(P + "default.election.numerator=1");
        values.add(P + "default.election.denominator=2");
        values.add(P + "default.congress-interval=P4Y");
        return values.toArray(String[]::new);
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class)
            .withPropertyValues(defaults());

    @Test
    void aYearOverridesOnlyWhatItNames() {
        runner.withPropertyValues(
                        P + "years.2027.speakers-target.THEMATIC=10",
                        P + "years.2027.resolution-pass.CONGRESS.comparison=AT_LEAST",
                        P + "years.2027.resolution-pass.CONGRESS.numerator=2",
                        P + "years.2027.resolution-pass.CONGRESS.denominator=3",
                        P + "years.2027.congress-interval=P2Y6M")
                .run(context -> {
                    ProceedingsPolicy policy = context.getBean(ProceedingsPolicy.class);
                    assertThat(policy.speakersTarget(2026, MeetingKind.THEMATIC))
                            .isEqualTo(8);
                    assertThat(policy.speakersTarget(2027, MeetingKind.THEMATIC))
                            .isEqualTo(10);
                    assertThat(policy.speakersTarget(2027, MeetingKind.REGULAR)).isEqualTo(8);
                    assertThat(policy.resolutionPass(2027, MeetingKind.CONGRESS).required(9))
                            .isEqualTo(6);
                    assertThat(policy.resolutionPass(2027, MeetingKind.REGULAR).required(9))
                            .isEqualTo(5);
                    assertThat(policy.election(2027).required(9)).isEqualTo(5);
                    assertThat(policy.congressInterval(2027)).isEqualTo(Period.parse("P2Y6M"));
                    assertThat(policy.congressInterval(2026)).isEqualTo(Period.ofYears(4));
                });
    }

    @Test
    void badValuesStopTheStart() {
        runner.withPropertyValues(P + "default.resolution-pass.REGULAR.numerator=3")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(P + "years.2027.speakers-target.REGULAR=-1")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(P + "default.congress-interval=P0D")
                .run(context -> assertThat(context).hasFailed());
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Config.class)
                .withPropertyValues(P + "default.speakers-target.REGULAR=8", P + "default.congress-interval=P4Y")
                .run(context ->
                        assertThat(context).as("a kind or the election missing").hasFailed());
    }
}
