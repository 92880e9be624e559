package vn.partycell.meeting.application;

import java.util.List;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.PartyGroup;

/**
 * Port: the party groups (tổ đảng) of a cell, from the read model member-service's org-unit events
 * keep (nodes of kind PARTY_GROUP whose parent is the cell).
 */
public interface PartyGroupDirectory {

    /** The cell's party groups, by name. */
    List<PartyGroup> partyGroups(CellId cellId);
}
