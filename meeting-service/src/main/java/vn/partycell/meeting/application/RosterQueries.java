package vn.partycell.meeting.application;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.security.Caller;

/** Reads of the roster read model, within the caller's scope. */
@Service
public class RosterQueries {

    private final RosterRepository rosters;

    public RosterQueries(RosterRepository rosters) {
        this.rosters = rosters;
    }

    /** The cell's roster; outside the caller's subtrees the cell does not exist (404). */
    public List<RosterMember> roster(Caller caller, CellId cellId) {
        Cell cell = rosters.cell(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRead(cell.orgPath(), "chi bộ", cellId);
        return rosters.roster(cellId);
    }
}
