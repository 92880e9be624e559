package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;

/** Imported members in memory, unique by id, citizen ID and card number as the store's indexes make them. */
final class InMemoryMemberImportStore implements MemberImportStore {

    record Stored(Member member, List<MemberEvent> events, MemberImportId importId, Long row) {}

    final Map<MemberId, Stored> byId = new ConcurrentHashMap<>();
    final Map<String, MemberId> byCitizenId = new ConcurrentHashMap<>();
    final Map<String, MemberId> byCard = new ConcurrentHashMap<>();
    volatile int bulks;

    /** A member already in the register, stored by hand (no run). */
    void given(Member member) {
        byId.put(member.id(), new Stored(member, List.of(), null, null));
        byCitizenId.put(member.person().citizenId(), member.id());
        if (member.person().partyCardNumber() != null) {
            byCard.put(member.person().partyCardNumber(), member.id());
        }
    }

    @Override
    public synchronized List<Outcome> insertAll(MemberImportId importId, List<Imported> batch) {
        bulks++;
        List<Outcome> outcomes = new ArrayList<>();
        for (Imported imported : batch) {
            Member member = imported.registered().state();
            Stored existing = byId.get(member.id());
            if (existing != null) {
                outcomes.add(new Outcome.SameId(existing.importId(), existing.row()));
            } else if (byCitizenId.containsKey(member.person().citizenId())) {
                outcomes.add(new Outcome.CitizenIdTaken());
            } else if (member.person().partyCardNumber() != null
                    && byCard.containsKey(member.person().partyCardNumber())) {
                outcomes.add(new Outcome.PartyCardTaken());
            } else {
                byId.put(member.id(), new Stored(member, imported.registered().events(), importId, imported.row()));
                byCitizenId.put(member.person().citizenId(), member.id());
                if (member.person().partyCardNumber() != null) {
                    byCard.put(member.person().partyCardNumber(), member.id());
                }
                outcomes.add(new Outcome.Stored());
            }
        }
        return outcomes;
    }
}
