package vn.partycell.evaluation.domain;

/**
 * The year's task condition on a member's rating: under the regulation of 30 August 2025
 * (366-QĐ/TW) a member rated good or above must have done all assigned tasks on time. Policy of the
 * year, never a constant (the 2018 and 2023 regulations had no such condition).
 */
public record TaskPolicy(boolean allOnTimeForGood) {}
