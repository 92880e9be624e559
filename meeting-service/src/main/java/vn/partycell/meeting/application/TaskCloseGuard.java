package vn.partycell.meeting.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.meeting.domain.TaskCoverage;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Closing waits for the conclusion's tasks (rule 3.17): while a present member has neither a task
 * nor the secretary's reason, the close is refused with the list of them (422 {@code tasks-missing},
 * field {@code tasks}), or only logged where the year's policy says WARN.
 */
@Service
public class TaskCloseGuard implements CloseGuard {

    private static final Logger log = LoggerFactory.getLogger(TaskCloseGuard.class);

    private final MeetingTaskRepository tasks;
    private final TaskWaiverRepository waivers;
    private final TaskPolicy policy;

    public TaskCloseGuard(MeetingTaskRepository tasks, TaskWaiverRepository waivers, TaskPolicy policy) {
        this.tasks = tasks;
        this.waivers = waivers;
        this.policy = policy;
    }

    @Override
    public void beforeClose(InProgressMeeting meeting, Roster roster) {
        List<TaskCoverage.Uncovered> uncovered =
                TaskCoverage.uncovered(meeting, roster, tasks.ofMeeting(meeting.id()), waivers.ofMeeting(meeting.id()));
        if (uncovered.isEmpty()) {
            return;
        }
        if (policy.closeWithoutTask(meeting.localStart().getYear()) == TaskPolicy.CloseWithoutTask.WARN) {
            log.warn("Meeting {} closed with {} present members without a task", meeting.id(), uncovered.size());
            return;
        }
        List<Map<String, String>> members = uncovered.stream()
                .map(u -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("memberId", u.memberId().toString());
                    m.put("fullName", u.fullName());
                    return m;
                })
                .toList();
        throw new RuleViolationException(
                "tasks-missing",
                "Còn " + uncovered.size()
                        + " đảng viên có mặt chưa được giao nhiệm vụ; hãy giao nhiệm vụ hoặc ghi lý do cho từng người"
                        + " trước khi kết thúc buổi sinh hoạt",
                Map.of("field", "tasks", "members", members));
    }
}
