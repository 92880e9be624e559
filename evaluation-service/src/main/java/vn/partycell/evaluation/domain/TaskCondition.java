package vn.partycell.evaluation.domain;

import java.util.List;

/**
 * What the year's task condition makes of a member's tasks: whether it applies, whether it is met,
 * the reasons in Vietnamese, and the tasks that break it (late or overdue by their latest outcome).
 * Open tasks do not break it: they have no outcome yet.
 */
public record TaskCondition(boolean required, boolean met, List<String> reasons, List<TaskLine> failing) {

    public TaskCondition {
        reasons = List.copyOf(reasons);
        failing = List.copyOf(failing);
    }

    public static TaskCondition assess(MemberTasks tasks, TaskPolicy policy) {
        List<TaskLine> failing = tasks.notDoneOnTime();
        if (!policy.allOnTimeForGood()) {
            return new TaskCondition(false, true, List.of(), failing);
        }
        if (failing.isEmpty()) {
            return new TaskCondition(
                    true,
                    true,
                    List.of("Hoàn thành đúng hạn tất cả nhiệm vụ đã có kết quả trong năm " + tasks.year()
                            + ": đủ điều kiện về nhiệm vụ để xếp loại hoàn thành tốt nhiệm vụ trở lên"),
                    failing);
        }
        long late =
                failing.stream().filter(t -> t.outcome() == TaskOutcome.LATE).count();
        long overdue = failing.size() - late;
        return new TaskCondition(
                true,
                false,
                List.of("Có " + failing.size() + " nhiệm vụ không hoàn thành đúng hạn trong năm " + tasks.year() + " ("
                        + late + " trễ hạn, " + overdue + " quá hạn): chưa đủ điều kiện xếp loại hoàn thành tốt"
                        + " nhiệm vụ trở lên"),
                failing);
    }
}
