package vn.partycell.member.application;

import java.util.List;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.platform.kernel.Change;

/**
 * Port: stores a batch of registered members (each with its events, in one document write) in one
 * bulk, and says what became of each. Every check is by a unique key (the member's id, the citizen
 * ID, the card number), so a batch costs the same whatever the size of the register.
 */
public interface MemberImportStore {

    /** A member to store, marked with the run and the file row it came from. */
    record Imported(Change<Member, MemberEvent> registered, long row) {}

    /** What happened to one member of a batch. */
    sealed interface Outcome {
        /** Written now. */
        record Stored() implements Outcome {}

        /**
         * A member with the same id is already stored: by this run from {@code row} (its own row
         * before a restart, or an earlier row of the same file), by another run, or by hand (both
         * null).
         */
        record SameId(MemberImportId importId, Long row) implements Outcome {}

        /** Another member (another id) holds the citizen ID. */
        record CitizenIdTaken() implements Outcome {}

        /** Another member holds the party card number (its unique key). */
        record PartyCardTaken() implements Outcome {}
    }

    /** The outcome of each member, in the order given. */
    List<Outcome> insertAll(MemberImportId importId, List<Imported> batch);
}
