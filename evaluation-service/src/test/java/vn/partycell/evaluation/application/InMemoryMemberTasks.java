package vn.partycell.evaluation.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.MemberTasks;
import vn.partycell.evaluation.domain.TaskId;
import vn.partycell.evaluation.domain.TaskLine;

/** The port's rules in memory: a line is written only over the one that was read. */
public class InMemoryMemberTasks implements MemberTaskRepository {

    private final Map<String, Map<TaskId, TaskLine>> byKey = new HashMap<>();

    @Override
    public Optional<MemberTasks> find(MemberId memberId, int year) {
        Map<TaskId, TaskLine> lines = byKey.get(memberId + ":" + year);
        return lines == null
                ? Optional.empty()
                : Optional.of(new MemberTasks(memberId, year, new ArrayList<>(lines.values())));
    }

    @Override
    public boolean write(MemberId memberId, int year, TaskLine line, int storedWrites) {
        Map<TaskId, TaskLine> lines = byKey.computeIfAbsent(memberId + ":" + year, k -> new HashMap<>());
        TaskLine stored = lines.get(line.taskId());
        if ((stored == null ? 0 : stored.writes()) != storedWrites) {
            return false;
        }
        lines.put(line.taskId(), line);
        return true;
    }

    public List<TaskLine> all() {
        return byKey.values().stream().flatMap(m -> m.values().stream()).toList();
    }
}
