package vn.partycell.evaluation.application;

import java.util.Optional;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.MemberTasks;
import vn.partycell.evaluation.domain.TaskLine;

/**
 * Port: each member's task facts per year, found by the unique key member and year (the local
 * store ignores non-unique indexes), one line per task id.
 */
public interface MemberTaskRepository {

    Optional<MemberTasks> find(MemberId memberId, int year);

    /**
     * Writes one task's line unless another write changed it since it was read ({@code
     * storedWrites}: the line's {@link TaskLine#writes()} when read, 0 when it was not there); false
     * when that race was lost.
     */
    boolean write(MemberId memberId, int year, TaskLine line, int storedWrites);
}
