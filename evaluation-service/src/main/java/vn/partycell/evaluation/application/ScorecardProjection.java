package vn.partycell.evaluation.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.contracts.EventContracts;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Builds every member's yearly scorecard from closed meetings. Each scorecard holds the meetings
 * applied to it, one entry per meeting, and only adds a meeting it does not hold yet, in one
 * conditional write; its figures are derived from those entries. A redelivery, a second event
 * about the same meeting, or a replay from the start of the topic therefore changes nothing, and
 * a rebuild from an empty store gives the same documents.
 */
@Service
public class ScorecardProjection {

    /** Times people see, and the month a meeting counts for, are in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final int MAX_ATTEMPTS = 10;

    private final ScorecardStore store;

    public ScorecardProjection(ScorecardStore store) {
        this.store = store;
    }

    public Outcome onMeetingEvent(InboundEvent event) {
        if (!EventContracts.MEETING_CLOSED.equals(event.envelope().type())) {
            return Outcome.IGNORED;
        }
        MeetingClosedData data = event.data(MeetingClosedData.class);
        String id = event.envelope().id();
        OrgPath path = validate(data, id);
        boolean changed = store.recordCell(data.cellId(), path, data.startsAt(), data.meetingId());
        Map<UUID, MeetingEntry> entries = new LinkedHashMap<>();
        for (MeetingClosedData.Attendance a : data.attendance()) {
            entries.put(
                    a.memberId(),
                    new MeetingEntry(
                            data.meetingId(),
                            data.cellId(),
                            path,
                            data.kind(),
                            data.title(),
                            data.startsAt(),
                            data.month(),
                            a.status(),
                            Boolean.TRUE.equals(a.spoke())));
        }
        // One read and one bulk write for the whole meeting; only lost races go one by one.
        Map<UUID, Scorecard> stored = store.findAll(entries.keySet(), data.year());
        List<ScorecardStore.Replacement> writes = new ArrayList<>();
        entries.forEach((memberId, entry) -> {
            Scorecard current = stored.get(memberId);
            if (current == null || !current.contains(entry.meetingId())) {
                writes.add(new ScorecardStore.Replacement(
                        current == null ? Scorecard.first(memberId, data.year(), entry) : current.with(entry),
                        current == null ? 0 : current.meetings().size(),
                        entry.meetingId()));
            }
        });
        List<UUID> lost = writes.isEmpty() ? List.of() : store.replaceAll(writes);
        changed |= writes.size() > lost.size();
        for (UUID memberId : lost) {
            changed |= apply(memberId, data.year(), entries.get(memberId));
        }
        return changed ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    /**
     * Adds the meeting to the member's scorecard unless it is already there. A lost race with
     * another write to the same scorecard (a meeting of another partition) reads again and retries.
     */
    boolean apply(UUID memberId, int year, MeetingEntry entry) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Scorecard> stored = store.find(memberId, year);
            if (stored.isPresent() && stored.get().contains(entry.meetingId())) {
                return false;
            }
            Scorecard next = stored.map(s -> s.with(entry)).orElseGet(() -> Scorecard.first(memberId, year, entry));
            int storedMeetings = stored.map(s -> s.meetings().size()).orElse(0);
            if (store.replace(next, storedMeetings, entry.meetingId())) {
                return true;
            }
        }
        throw new IllegalStateException("Không ghi được bảng điểm " + memberId + "/" + year + " sau " + MAX_ATTEMPTS
                + " lần thử vì ghi đồng thời");
    }

    private static OrgPath validate(MeetingClosedData d, String eventId) {
        if (d.meetingId() == null
                || d.cellId() == null
                || d.orgPath() == null
                || d.kind() == null
                || d.title() == null
                || d.startsAt() == null
                || d.year() == null
                || d.month() == null
                || d.attendance() == null) {
            throw poison(
                    eventId,
                    "lacks one of meetingId, cellId, orgPath, kind, title, startsAt, year, month," + " attendance");
        }
        LocalDate local = LocalDate.ofInstant(d.startsAt(), ZONE);
        if (local.getYear() != d.year() || local.getMonthValue() != d.month()) {
            throw poison(
                    eventId,
                    "year/month " + d.year() + "/" + d.month() + " is not the month of startsAt " + d.startsAt()
                            + " in " + ZONE);
        }
        Set<UUID> members = new HashSet<>();
        for (MeetingClosedData.Attendance a : d.attendance()) {
            if (a == null || a.memberId() == null || a.status() == null || a.spoke() == null) {
                throw poison(eventId, "has an attendance entry without memberId, status or spoke");
            }
            if (!members.add(a.memberId())) {
                throw poison(eventId, "lists member " + a.memberId() + " twice");
            }
        }
        try {
            return OrgPath.of(d.orgPath());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + eventId + " has an invalid orgPath " + d.orgPath(), e);
        }
    }

    private static PoisonEventException poison(String eventId, String why) {
        return new PoisonEventException("Event " + eventId + " " + why);
    }
}
