package vn.partycell.member.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The levels of the org tree: province committee (tỉnh ủy), superior committees (huyện ủy, đảng ủy
 * khối…), grassroots committee (đảng ủy cơ sở), cell (chi bộ), party group (tổ đảng).
 */
public enum OrgUnitKind {
    PROVINCE,
    COMMITTEE,
    GRASSROOTS,
    CELL,
    PARTY_GROUP;

    /**
     * Which kinds may sit directly above this one; a cell may hang directly under a committee
     * ({@code infra/docs/rules.md} 1.1).
     */
    public Set<OrgUnitKind> allowedParents() {
        return switch (this) {
            case PROVINCE -> EnumSet.noneOf(OrgUnitKind.class);
            case COMMITTEE -> EnumSet.of(PROVINCE, COMMITTEE);
            case GRASSROOTS -> EnumSet.of(PROVINCE, COMMITTEE);
            case CELL -> EnumSet.of(PROVINCE, COMMITTEE, GRASSROOTS);
            case PARTY_GROUP -> EnumSet.of(CELL);
        };
    }
}
