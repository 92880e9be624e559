package vn.partycell.member.application;

import java.time.LocalDate;
import vn.partycell.member.domain.Member;

/**
 * A probationary member whose probation has ended (or ends by the date asked about): the
 * recognition (công nhận chính thức) is due on {@code dueOn}, and overdue after {@code deadline}.
 */
public record RecognitionDue(Member member, LocalDate dueOn, LocalDate deadline, boolean overdue) {}
