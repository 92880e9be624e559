package vn.partycell.platform.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * Checks {@link DateWithin}. Spring's validator factory creates it with the service's
 * {@link Environment} (placeholders in bounds) and {@link Clock}; without Spring, the system clock
 * and unresolved bounds are used.
 */
public abstract class DateWithinValidator<T> implements ConstraintValidator<DateWithin, T> {

    private final Environment environment;
    private final Clock clock;
    private String notBefore;
    private String notAfter;

    protected DateWithinValidator(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    @Override
    public void initialize(DateWithin annotation) {
        notBefore = resolve(annotation.notBefore());
        notAfter = resolve(annotation.notAfter());
    }

    private String resolve(String bound) {
        String value = environment == null ? bound : environment.resolveRequiredPlaceholders(bound);
        return value.trim();
    }

    /** Negative when {@code value} lies before {@code bound}, positive when after, as compareTo. */
    protected abstract int compareToBound(T value, String bound, Instant now);

    @Override
    public boolean isValid(T value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant now = clock.instant();
        boolean tooEarly = !notBefore.isEmpty() && compareToBound(value, notBefore, now) < 0;
        boolean tooLate = !notAfter.isEmpty() && compareToBound(value, notAfter, now) > 0;
        if (!tooEarly && !tooLate) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        String message =
                tooEarly ? "không được trước " + describe(notBefore, now) : "không được sau " + describe(notAfter, now);
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }

    private static String describe(String bound, Instant now) {
        return switch (bound) {
            case "today" -> "hôm nay";
            case "now" -> "thời điểm hiện tại";
            default ->
                bound.startsWith("P") || bound.startsWith("-P")
                        ? dayBound(bound, now).toString()
                        : bound;
        };
    }

    /** The bound as a day in Vietnam: an ISO date, today, or today plus a period. */
    static LocalDate dayBound(String bound, Instant now) {
        LocalDate today = VietnamTime.date(now);
        if (bound.equals("today") || bound.equals("now")) {
            return today;
        }
        try {
            if (bound.startsWith("P") || bound.startsWith("-P")) {
                return today.plus(Period.parse(bound));
            }
            return LocalDate.parse(bound);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("@DateWithin bound is neither a date, today/now nor a period: " + bound, e);
        }
    }

    /** The bound as an instant: now, now plus a period (in Vietnam's calendar), or a day's start in UTC. */
    static Instant instantBound(String bound, Instant now) {
        if (bound.equals("now")) {
            return now;
        }
        if (bound.startsWith("P") || bound.startsWith("-P")) {
            return now.atZone(VietnamTime.ZONE).plus(Period.parse(bound)).toInstant();
        }
        return dayBound(bound, now).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static final class ForLocalDate extends DateWithinValidator<LocalDate> {

        @Autowired
        public ForLocalDate(Environment environment, ObjectProvider<Clock> clock) {
            super(environment, clock.getIfAvailable());
        }

        ForLocalDate(Environment environment, Clock clock) {
            super(environment, clock);
        }

        public ForLocalDate() {
            this(null, (Clock) null);
        }

        @Override
        protected int compareToBound(LocalDate value, String bound, Instant now) {
            return value.compareTo(dayBound(bound, now));
        }
    }

    public static final class ForInstant extends DateWithinValidator<Instant> {

        @Autowired
        public ForInstant(Environment environment, ObjectProvider<Clock> clock) {
            super(environment, clock.getIfAvailable());
        }

        ForInstant(Environment environment, Clock clock) {
            super(environment, clock);
        }

        public ForInstant() {
            this(null, (Clock) null);
        }

        @Override
        protected int compareToBound(Instant value, String bound, Instant now) {
            return value.compareTo(instantBound(bound, now));
        }
    }
}
