package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.partycell.platform.kernel.InvalidInputException;

/**
 * A calendar period of the compliance watch (kỳ sinh hoạt), in Vietnamese local dates: a month
 * ({@code 2026-11}) or a quarter ({@code 2026-Q4}). {@code number} is the month (1–12) or the
 * quarter (1–4).
 */
public record Period(PeriodLength length, int year, int number) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        Objects.requireNonNull(length);
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (number < 1 || number > 12 / length.months()) {
            throw new IllegalArgumentException("no " + length + " " + number);
        }
    }

    /** The period of the given length that contains a day. */
    public static Period containing(LocalDate day, PeriodLength length) {
        return new Period(length, day.getYear(), (day.getMonthValue() - 1) / length.months() + 1);
    }

    /** {@code 2026-11} or {@code 2026-Q4}; anything else is a 400 naming {@code field}. */
    public static Period parse(String text, String field) {
        if (text != null) {
            Matcher m = MONTH.matcher(text);
            if (m.matches()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    return new Period(PeriodLength.MONTH, Integer.parseInt(m.group(1)), month);
                }
            }
            Matcher q = QUARTER.matcher(text);
            if (q.matches()) {
                return new Period(PeriodLength.QUARTER, Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
            }
        }
        throw new InvalidInputException(
                field, "kỳ phải có dạng YYYY-MM (tháng) hoặc YYYY-Qn (quý), ví dụ 2026-11, 2026-Q4", text);
    }

    public String key() {
        return length == PeriodLength.MONTH ? "%04d-%02d".formatted(year, number) : "%04d-Q%d".formatted(year, number);
    }

    /** The first day of the period. */
    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * length.months() + 1, 1);
    }

    /** The first day after the period. */
    public LocalDate end() {
        return start().plusMonths(length.months());
    }

    /** The last day of the period. */
    public LocalDate lastDay() {
        return end().minusDays(1);
    }

    public Period previous() {
        return containing(start().minusDays(1), length);
    }

    public boolean includes(LocalDate day) {
        return !day.isBefore(start()) && day.isBefore(end());
    }

    /** Over once its last day has passed (in local dates). */
    public boolean isOverOn(LocalDate today) {
        return !today.isBefore(end());
    }

    @Override
    public String toString() {
        return key();
    }
}
