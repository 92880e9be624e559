package vn.partycell.meeting.adapter.in.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A new meeting's agenda comes in one of its two shapes: {@code agenda} (titles, the former shape)
 * or {@code agendaItems} (with presenters and planned durations), not both and not neither; the
 * error names the field, as a field's own constraint would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AgendaGiven.Check.class)
public @interface AgendaGiven {

    String message() default "cần ít nhất một nội dung";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a request with an agenda in either shape offers. */
    interface Shape {
        List<?> agenda();

        List<?> agendaItems();
    }

    class Check implements ConstraintValidator<AgendaGiven, Shape> {

        @Override
        public boolean isValid(Shape request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            boolean titles = request.agenda() != null && !request.agenda().isEmpty();
            boolean items =
                    request.agendaItems() != null && !request.agendaItems().isEmpty();
            if (titles != items) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (titles) {
                context.buildConstraintViolationWithTemplate("chỉ gửi một trong hai: agenda hoặc agendaItems")
                        .addPropertyNode("agendaItems")
                        .addConstraintViolation();
            } else {
                context.buildConstraintViolationWithTemplate("cần ít nhất một nội dung")
                        .addPropertyNode("agenda")
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
