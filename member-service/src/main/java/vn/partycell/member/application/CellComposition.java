package vn.partycell.member.application;

import java.util.List;
import vn.partycell.member.domain.CompositionWarning;
import vn.partycell.member.domain.OrgUnit;

/** A cell with its count of full members and the composition rules it does not meet. */
public record CellComposition(OrgUnit cell, long fullMembers, List<CompositionWarning> warnings) {

    public CellComposition {
        warnings = List.copyOf(warnings);
    }
}
