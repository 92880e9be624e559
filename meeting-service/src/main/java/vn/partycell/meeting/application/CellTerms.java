package vn.partycell.meeting.application;

import java.util.List;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeTerm;

/**
 * Port: the committee terms of each cell, from member-service's term events, kept under the cell's
 * id (one unique-key read per check). Idempotent: recording a term again changes nothing.
 */
public interface CellTerms {

    /** Records the term; false when it was recorded already, exactly so. */
    boolean record(CellId cellId, CommitteeTerm term);

    /** The cell's recorded terms, oldest first. */
    List<CommitteeTerm> termsOf(CellId cellId);
}
