package vn.partycell.meeting.application;

import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Roster;

/**
 * A condition another part of meeting-service sets on closing a meeting, checked after the meeting's
 * own rules (attendance, quorum) and before anything is stored: a guard refuses by throwing one of
 * the kernel's exceptions, so a refused close writes nothing.
 */
public interface CloseGuard {

    void beforeClose(InProgressMeeting meeting, Roster roster);
}
