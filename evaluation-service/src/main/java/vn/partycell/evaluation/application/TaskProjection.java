package vn.partycell.evaluation.application;

import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partycell.evaluation.domain.TaskFact;
import vn.partycell.evaluation.domain.TaskLine;

/**
 * Keeps each member's task facts from meeting-service's task events ({@code meetings.task.v1}): one
 * line per task on the owner's facts of the due date's year, merged by {@link TaskLine} (the
 * assignment whenever it comes; the outcome of the newest task version). An event that changes no
 * line (a redelivery, a re-publication, a replay, an outcome older than the one in force) writes
 * nothing; a write that loses a race with another event of the same member reads again.
 */
@Service
public class TaskProjection {

    private static final int MAX_ATTEMPTS = 10;

    private final MemberTaskRepository tasks;

    public TaskProjection(MemberTaskRepository tasks) {
        this.tasks = tasks;
    }

    public Effect on(TaskFact fact) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TaskLine stored = tasks.find(fact.ownerId(), fact.year())
                    .flatMap(t -> t.task(fact.taskId()))
                    .orElse(null);
            Optional<TaskLine> next = TaskLine.apply(stored, fact);
            if (next.isEmpty()) {
                return Effect.DUPLICATE;
            }
            if (tasks.write(fact.ownerId(), fact.year(), next.get(), stored == null ? 0 : stored.writes())) {
                return Effect.APPLIED;
            }
        }
        throw new IllegalStateException("Task " + fact.taskId() + " of " + fact.ownerId() + "/" + fact.year()
                + " not written after " + MAX_ATTEMPTS + " attempts: concurrent writes kept winning");
    }
}
