package vn.partycell.platform.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date ({@link java.time.LocalDate}) or instant ({@link java.time.Instant}) inside a sane domain
 * range, so that no value the store cannot hold (year +300000000) gets past the web adapter. Each
 * bound is one of: an ISO date ({@code 1900-01-01}), {@code today} (Asia/Ho_Chi_Minh) / {@code now},
 * or a period from today/now ({@code -P1Y}, {@code P5Y}); property placeholders
 * ({@code ${partycell.meetings.earliest:-P1Y}}) are resolved, so a service can make a bound
 * configurable. An empty bound is open. {@code null} is valid (use {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = {DateWithinValidator.ForLocalDate.class, DateWithinValidator.ForInstant.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DateWithin {

    String notBefore() default "";

    String notAfter() default "";

    String message() default "nằm ngoài khoảng thời gian cho phép";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
