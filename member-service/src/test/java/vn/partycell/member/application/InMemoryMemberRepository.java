package vn.partycell.member.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * The member port in memory, keeping what the Mongo adapter promises: state and events stored
 * together, a unique citizen ID, and an update refused (409) unless the stored version is the one
 * the caller read.
 */
class InMemoryMemberRepository implements MemberRepository {

    private final Map<MemberId, Member> members = new LinkedHashMap<>();
    private final List<MemberEvent> events = new ArrayList<>();

    /** Every event stored so far, in order: what the outbox relay would publish. */
    List<MemberEvent> events() {
        return List.copyOf(events);
    }

    int size() {
        return members.size();
    }

    /** Every member stored, for the in-memory directory. */
    List<Member> all() {
        return List.copyOf(members.values());
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }

    @Override
    public void insert(Change<Member, MemberEvent> registered) {
        Member member = registered.state();
        if (members.containsKey(member.id())) {
            throw new IllegalStateException("member " + member.id() + " already stored");
        }
        boolean taken = members.values().stream()
                .anyMatch(m -> m.person().citizenId().equals(member.person().citizenId()));
        if (taken) {
            throw new ConflictException("citizen-id-taken", "CCCD taken");
        }
        requireCardFree(member);
        members.put(member.id(), member);
        events.addAll(registered.events());
    }

    @Override
    public void update(Change<Member, MemberEvent> change, long expectedVersion) {
        Member stored = members.get(change.state().id());
        if (stored == null || stored.version() != expectedVersion) {
            throw new ConflictException("stale-version", "not at version " + expectedVersion);
        }
        boolean taken = members.values().stream()
                .anyMatch(m -> !m.id().equals(stored.id())
                        && m.person().citizenId().equals(change.state().person().citizenId()));
        if (taken) {
            throw new ConflictException("citizen-id-taken", "CCCD taken");
        }
        requireCardFree(change.state());
        members.put(stored.id(), change.state());
        events.addAll(change.events());
    }

    /** Like the store's unique key on the card number (members without a card hold none). */
    private void requireCardFree(Member member) {
        String card = member.person().partyCardNumber();
        if (card != null
                && members.values().stream()
                        .anyMatch(m -> !m.id().equals(member.id())
                                && card.equals(m.person().partyCardNumber()))) {
            throw new ConflictException("party-card-taken", "card taken");
        }
    }

    @Override
    public ResultPage<Member> inCell(OrgUnitId cellId, PageQuery page) {
        List<Member> all = members.values().stream()
                .filter(m -> m.cellId().equals(cellId))
                .sorted(Comparator.comparing(m -> m.id().value()))
                .toList();
        List<Member> content =
                all.stream().skip(page.offset()).limit(page.size()).toList();
        return new ResultPage<>(content, page, all.size());
    }

    @Override
    public ResultPage<Member> recognitionsDue(OrgPath subtree, LocalDate dueBy, PageQuery page) {
        List<Member> all = members.values().stream()
                .filter(m -> m.status() == MemberStatus.PROBATIONARY
                        && subtree.covers(m.orgPath())
                        && m.recognitionDueOn() != null
                        && !m.recognitionDueOn().isAfter(dueBy))
                .sorted(Comparator.comparing(Member::recognitionDueOn))
                .toList();
        return new ResultPage<>(
                all.stream().skip(page.offset()).limit(page.size()).toList(), page, all.size());
    }

    @Override
    public List<Member> withPlannedEndBy(java.time.LocalDate day, int limit) {
        return members.values().stream()
                .filter(m -> m.nextPlannedEnd().filter(d -> !d.isAfter(day)).isPresent())
                .limit(limit)
                .toList();
    }
}
