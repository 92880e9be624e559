package vn.partycell.notification.domain;

import java.time.LocalDate;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * meeting-service's finding that a cell closed no meeting of a required kind in a period that is
 * over (chi bộ chậm sinh hoạt): what the notice says and whom it goes to.
 */
public record CellMeetingOverdue(
        OrgUnitId cellId,
        OrgUnitId parentId,
        String cellName,
        OrgPath orgPath,
        MeetingKind kind,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd) {

    public CellMeetingOverdue {
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(cellName);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(period);
        Objects.requireNonNull(periodStart);
        Objects.requireNonNull(periodEnd);
    }

    /** One notice per person, cell, kind and period. */
    public String factKey() {
        return "cell-meeting-overdue:" + cellId + ":" + period + ":" + kind.name();
    }
}
