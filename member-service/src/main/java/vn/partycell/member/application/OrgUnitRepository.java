package vn.partycell.member.application;

import java.util.List;
import java.util.Optional;
import vn.partycell.member.domain.CompositionWarning;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;

/** Port: where org units are kept, each stored together with the events its change caused (one write). */
public interface OrgUnitRepository {

    Optional<OrgUnit> find(OrgUnitId id);

    /** Stores a new node and its events; a code already used under the same parent is a 409. */
    void insert(Change<OrgUnit, OrgUnitEvent> created);

    /** The nodes within the caller's granted subtrees, filtered by whichever of the criteria is not null. */
    ResultPage<OrgUnit> search(Caller caller, OrgUnitId parentId, String code, OrgUnitKind kind, PageQuery page);

    /**
     * Stores the changed node and its events if the stored version is still {@code expectedVersion}
     * (else 409 stale-version); a path already taken by another node is a 409 org-code-taken.
     */
    void update(Change<OrgUnit, OrgUnitEvent> change, long expectedVersion);

    /** Children of the node that are not dissolved. */
    long countLiveChildren(OrgUnitId parentId);

    /** Nodes whose move has not finished rewriting the records below them (few at any time). */
    List<OrgUnit> pendingMoves();

    /** Nodes still recorded under {@code prefix}, at most {@code limit}. */
    List<OrgUnit> under(OrgPath prefix, int limit);

    long countUnder(OrgPath prefix);

    /**
     * Stores re-pathed nodes (no events: consumers follow the ancestor's moved event) in one bulk,
     * each only if still at the version before; returns how many were written.
     */
    int repath(List<OrgUnit> repathed);

    /** Progress of a node's pending move, for whoever follows it; not a change of the node (no version). */
    void recordMoveProgress(OrgUnitId id, long total, long done);

    /** Clears the pending move once nothing is left under its old path, if it is still the move to {@code to}. */
    void completeMove(OrgUnitId id, OrgPath to);

    /** The stored count of full members and the warnings of a cell (a derived figure, no version). */
    void storeComposition(OrgUnitId cellId, long fullMembers, List<CompositionWarning> warnings);

    /** Cells under {@code prefix} whose stored composition has warnings, by org path. */
    ResultPage<CellComposition> withCompositionWarnings(OrgPath prefix, PageQuery page);

    /** Nodes where the member was ever assigned a role (ended or not); few per member. */
    List<OrgUnit> withRolesOf(vn.partycell.member.domain.MemberId memberId);

    /**
     * Who holds {@code role} on {@code day} ({@link OrgUnit#holdersOn}) on a node under any of {@code
     * within} or above one of them (a committee's roles are held by members of the cells below it).
     */
    java.util.Set<vn.partycell.member.domain.MemberId> holdersOn(
            vn.partycell.member.domain.ElectedRole role, List<OrgPath> within, java.time.LocalDate day);
}
