package vn.partycell.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorTest {

    @Test
    void aLongRejectedTextIsCutSoAProblemDoesNotMirrorTheInput() {
        FieldError error = new FieldError("title", "quá dài", "x".repeat(20_000));

        assertThat((String) error.rejectedValue())
                .hasSize(FieldError.ECHOED_CHARACTERS + 1)
                .endsWith("…");
    }

    @Test
    void shortScalarsAreEchoedAsTheyCame() {
        assertThat(new FieldError("size", "m", 5000).rejectedValue()).isEqualTo(5000);
        assertThat(new FieldError("on", "m", LocalDate.of(1899, 1, 1)).rejectedValue())
                .isEqualTo("1899-01-01");
        assertThat(new FieldError("exempted", "m", true).rejectedValue()).isEqualTo(true);
        assertThat(new FieldError("status", "m", Thread.State.NEW).rejectedValue())
                .isEqualTo("NEW");
    }

    @Test
    void structuresAndHugeNumbersAreNotEchoedWhole() {
        assertThat(new FieldError("agenda", "m", List.of("a", "b")).rejectedValue())
                .isNull();
        assertThat(new FieldError("body", "m", Map.of("a", 1)).rejectedValue()).isNull();
        Object huge = new FieldError("n", "m", BigInteger.TEN.pow(500)).rejectedValue();
        assertThat(huge).isInstanceOf(String.class);
        assertThat((String) huge).hasSize(FieldError.ECHOED_CHARACTERS + 1);
    }
}
