package vn.partycell.evaluation.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.TaskPolicy;

/** The yearly policy as the service loads it at start: shipped defaults, per-year overrides, refusals. */
class PolicyPropertiesTest {

    /** The service's own application.yml, as it ships. */
    private final ApplicationContextRunner shipped = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PolicyConfiguration.class);

    /** Only the values a test gives. */
    private final ApplicationContextRunner bare =
            new ApplicationContextRunner().withUserConfiguration(PolicyConfiguration.class);

    @Test
    void shipsTheCharterDefaultsForEveryYear() {
        shipped.run(context -> {
            assertThat(context).hasNotFailed();
            PolicyProperties policy = context.getBean(PolicyProperties.class);
            assertThat(policy.removalReview(2025)).isEqualTo(new RemovalReviewPolicy(2, 3));
            assertThat(policy.removalReview(2030)).isEqualTo(new RemovalReviewPolicy(2, 3));
        });
    }

    @Test
    void aYearOverridesOnlyTheValuesItNames() {
        shipped.withPropertyValues(
                        "partycell.policy.years.2026.removal-review.warning-months=1",
                        "partycell.policy.years.2027.removal-review.warning-months=3",
                        "partycell.policy.years.2027.removal-review.review-months=5")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PolicyProperties policy = context.getBean(PolicyProperties.class);
                    assertThat(policy.removalReview(2026)).isEqualTo(new RemovalReviewPolicy(1, 3));
                    assertThat(policy.removalReview(2027)).isEqualTo(new RemovalReviewPolicy(3, 5));
                    assertThat(policy.removalReview(2025)).isEqualTo(new RemovalReviewPolicy(2, 3));
                });
    }

    @Test
    void theDefaultMayBeChangedWithoutCode() {
        bare.withPropertyValues(
                        "partycell.policy.default.removal-review.warning-months=1",
                        "partycell.policy.default.removal-review.review-months=4")
                .run(context -> assertThat(
                                context.getBean(PolicyProperties.class).removalReview(2025))
                        .isEqualTo(new RemovalReviewPolicy(1, 4)));
    }

    @Test
    void refusesToStartWithAWarningAtZero() {
        shipped.withPropertyValues("partycell.policy.default.removal-review.warning-months=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("warningMonths")
                        .hasMessageContaining("phải từ 1 trở lên"));
    }

    @Test
    void refusesToStartWhenAYearsReviewDoesNotComeAfterItsWarning() {
        shipped.withPropertyValues("partycell.policy.years.2026.removal-review.warning-months=3")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("removalReviewConsistentEveryYear"));
        shipped.withPropertyValues(
                        "partycell.policy.default.removal-review.warning-months=3",
                        "partycell.policy.default.removal-review.review-months=2")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void refusesToStartWithoutADefault() {
        bare.withPropertyValues("partycell.policy.years.2026.removal-review.warning-months=1")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void refusesAYearOutOfRange() {
        shipped.withPropertyValues("partycell.policy.years.1900.removal-review.warning-months=1")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("everyYearInRange"));
    }

    @Test
    void theTaskConditionIsAValueOfTheYear() {
        shipped.run(context -> {
            PolicyProperties policy = context.getBean(PolicyProperties.class);
            assertThat(policy.tasks(2025)).isEqualTo(new TaskPolicy(true));
            assertThat(policy.tasks(2030)).isEqualTo(new TaskPolicy(true));
            assertThat(policy.tasks(2024)).isEqualTo(new TaskPolicy(false));
        });
        shipped.withPropertyValues("partycell.policy.years.2027.tasks.all-on-time-for-good=false")
                .run(context -> {
                    PolicyProperties policy = context.getBean(PolicyProperties.class);
                    assertThat(policy.tasks(2027)).isEqualTo(new TaskPolicy(false));
                    assertThat(policy.tasks(2026)).isEqualTo(new TaskPolicy(true));
                    assertThat(policy.removalReview(2027)).isEqualTo(new RemovalReviewPolicy(2, 3));
                });
        bare.withPropertyValues(
                        "partycell.policy.default.removal-review.warning-months=2",
                        "partycell.policy.default.removal-review.review-months=3")
                .run(context -> assertThat(
                                context.getBean(PolicyProperties.class).tasks(2025))
                        .isEqualTo(new TaskPolicy(false)));
    }
}
