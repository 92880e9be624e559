package vn.partycell.member.domain;

/**
 * Where a member lives (nơi cư trú) and the local party organisation there they keep in touch
 * with (tổ chức đảng nơi cư trú): its name as free text, and its node when it is in this tree.
 */
public record Residence(String place, String partyOrganisation, OrgUnitId partyOrganisationId) {

    public Residence {
        place = blankToNull(place);
        partyOrganisation = blankToNull(partyOrganisation);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
