package vn.partycell.meeting.application;

import java.time.LocalDate;
import vn.partycell.meeting.domain.MemberId;

/** The command to assign a task at a meeting's conclusion. */
public record AssignTask(MemberId ownerId, String title, String description, LocalDate dueOn) {}
