package vn.partycell.notification.application;

import java.util.List;
import java.util.Optional;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.RosterMember;

/** Port: the read model of cell rosters, built from member-service's events. */
public interface RosterRepository {

    /** Stores the snapshot unless the stored one is as new or newer; false means nothing changed. */
    boolean saveIfNewer(RosterMember member, String eventId);

    /** Every member the read model places in the cell, whatever their status. */
    List<RosterMember> roster(CellId cellId);

    Optional<RosterMember> member(MemberId memberId);
}
