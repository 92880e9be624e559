package vn.partycell.evaluation.application;

import java.util.List;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.GradedMeeting;

/**
 * Port: the superior's grades of each cell's meetings, one fact per cell and month (the cell's
 * rating reads a month, a quarter or a year of them by unique key). Recording is idempotent and
 * order-free: a revision of a meeting's grade replaces only an older one.
 */
public interface CellGrades {

    /** Keeps the revision unless the stored one of the same meeting is as new or newer; false then. */
    boolean record(GradedMeeting grade);

    /** The grades in force of the cell's meetings in a month, by meeting id. */
    List<GradedMeeting> inMonth(CellId cellId, int year, int month);
}
