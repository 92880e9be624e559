package vn.partycell.meeting.domain;

/** How long a compliance period (kỳ) lasts: a calendar month or a calendar quarter. */
public enum PeriodLength {
    MONTH(1),
    QUARTER(3);

    private final int months;

    PeriodLength(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
