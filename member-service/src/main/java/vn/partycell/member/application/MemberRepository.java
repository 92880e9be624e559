package vn.partycell.member.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/** Port: where members are kept, each stored together with the events its change caused (one write). */
public interface MemberRepository {

    Optional<Member> find(MemberId id);

    /** Stores a new member and its events; a citizen ID or party card number already held by another member is a 409. */
    void insert(Change<Member, MemberEvent> registered);

    /** Stores the changed member and its events (a citizen ID or card number already held by another member is a 409) only if the stored version is still {@code expectedVersion} (else 409). */
    void update(Change<Member, MemberEvent> change, long expectedVersion);

    /** The members recorded in a cell, whatever their status. */
    ResultPage<Member> inCell(OrgUnitId cellId, PageQuery page);

    /**
     * Probationary members under {@code subtree} whose recognition falls due on or before {@code
     * dueBy}, earliest first.
     */
    ResultPage<Member> recognitionsDue(OrgPath subtree, LocalDate dueBy, PageQuery page);

    /**
     * Members whose exemption or attachment in force has a planned end on or before {@code day}
     * ({@link Member#nextPlannedEnd}), at most {@code limit}.
     */
    List<Member> withPlannedEndBy(LocalDate day, int limit);
}
