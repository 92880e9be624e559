package vn.partycell.member.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;

/**
 * The command to record a cell's dues for a month in one go (the secretary's monthly sheet).
 *
 * @param requestKey the client's Idempotency-Key, or null
 */
public record RecordCellDues(OrgUnitId cellId, YearMonth month, List<Row> rows, String requestKey) {

    public RecordCellDues {
        rows = List.copyOf(rows);
    }

    /** One line of the sheet. */
    public record Row(MemberId memberId, long amount, LocalDate paidOn) {}
}
