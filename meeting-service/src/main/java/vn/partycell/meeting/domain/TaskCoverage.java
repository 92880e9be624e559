package vn.partycell.meeting.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seeds' target at a meeting's conclusion: every member present is assigned a concrete task
 * ("100% đảng viên được giao nhiệm vụ cụ thể", seed 001), unless the secretary wrote down why not.
 */
public final class TaskCoverage {

    private TaskCoverage() {}

    /** A member present at the meeting who has neither a task of it nor a recorded reason. */
    public record Uncovered(MemberId memberId, String fullName) {}

    /** Present (or late) members of the meeting without a task and without a waiver, in attendance order. */
    public static List<Uncovered> uncovered(
            Meeting meeting, Roster roster, Collection<MeetingTask> tasks, Collection<TaskWaiver> waivers) {
        Set<MemberId> covered = tasks.stream()
                .filter(t -> t.meetingId().equals(meeting.id()))
                .map(MeetingTask::ownerId)
                .collect(Collectors.toCollection(HashSet::new));
        waivers.stream()
                .filter(w -> w.meetingId().equals(meeting.id()))
                .map(TaskWaiver::memberId)
                .forEach(covered::add);
        Map<MemberId, String> names = roster.members().stream()
                .collect(Collectors.toMap(RosterMember::memberId, RosterMember::fullName, (a, b) -> a));
        return meeting.attendanceList().stream()
                .filter(a -> a.status().attended() && !covered.contains(a.memberId()))
                .map(a -> new Uncovered(
                        a.memberId(),
                        names.getOrDefault(a.memberId(), a.memberId().toString())))
                .toList();
    }
}
