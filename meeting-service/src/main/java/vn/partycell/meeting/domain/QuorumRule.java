package vn.partycell.meeting.domain;

/**
 * How many of the eligible members (full, not exempted) must attend, as a fraction: "more than
 * half" is {@code MORE_THAN 1/2}, a congress's "two thirds" is {@code AT_LEAST 2/3}. The numbers come
 * from the year's policy, never from code.
 */
public record QuorumRule(Comparison comparison, int numerator, int denominator) {

    public enum Comparison {
        MORE_THAN,
        AT_LEAST
    }

    public QuorumRule {
        if (numerator < 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "Quorum fraction must be between 0 and 1: " + numerator + "/" + denominator);
        }
    }

    /** The smallest number of attendees that satisfies the rule for {@code eligible} members. */
    public int required(int eligible) {
        long product = (long) eligible * numerator;
        return switch (comparison) {
            case MORE_THAN -> (int) (product / denominator) + 1;
            case AT_LEAST -> (int) ((product + denominator - 1) / denominator);
        };
    }
}
