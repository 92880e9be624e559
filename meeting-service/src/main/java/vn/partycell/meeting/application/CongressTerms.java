package vn.partycell.meeting.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.application.ProceedingsRepository.CongressHeld;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeTerm;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A cell holds its congress (đại hội chi bộ) once a term (rule 3.13). The term is the one
 * member-service recorded for the cell (members.org-unit.term-opened) that covers the congress's day;
 * a cell with no recorded term there falls back to the policy's least interval between two congresses
 * ({@code congress-interval}), as before terms were kept.
 */
@Service
public class CongressTerms {

    private final CellTerms terms;
    private final ProceedingsRepository proceedings;
    private final ProceedingsPolicy policy;

    public CongressTerms(CellTerms terms, ProceedingsRepository proceedings, ProceedingsPolicy policy) {
        this.terms = terms;
        this.proceedings = proceedings;
        this.policy = policy;
    }

    /** A term member-service recorded for a cell; false when it was known already. */
    public RosterUpdate onTermOpened(CellId cellId, CommitteeTerm term) {
        return terms.record(cellId, term) ? RosterUpdate.APPLIED : RosterUpdate.ALREADY_CURRENT;
    }

    /** The recorded term of the cell that covers {@code day}, if any. */
    public Optional<CommitteeTerm> termOn(CellId cellId, LocalDate day) {
        return terms.termsOf(cellId).stream().filter(t -> t.covers(day)).findFirst();
    }

    /** 422 {@code congress-already-held-in-term} when another congress of the cell counted in the same term. */
    public void requireFirstOfTerm(CellId cellId, MeetingId meetingId, LocalDate heldOn) {
        Optional<CommitteeTerm> term = termOn(cellId, heldOn);
        LocalDate from;
        LocalDate until;
        if (term.isPresent()) {
            from = term.get().start();
            until = term.get().end();
        } else {
            // Strictly inside the interval on either side: one exactly the interval away is the next term's.
            from = heldOn.minus(policy.congressInterval(heldOn.getYear())).plusDays(1);
            until = heldOn.plus(policy.congressInterval(heldOn.getYear())).minusDays(1);
        }
        Optional<CongressHeld> earlier = proceedings.congressesOf(cellId).stream()
                .filter(c -> !c.meetingId().equals(meetingId))
                .filter(c -> !c.heldOn().isBefore(from) && !c.heldOn().isAfter(until))
                .findFirst();
        if (earlier.isEmpty()) {
            return;
        }
        CongressHeld c = earlier.get();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("field", "kind");
        facts.put("previousMeetingId", c.meetingId().toString());
        facts.put("previousHeldOn", c.heldOn().toString());
        String within = "trong nhiệm kỳ này";
        if (term.isPresent()) {
            facts.put("termId", term.get().id().toString());
            facts.put("termName", term.get().name());
            within = "trong nhiệm kỳ " + term.get().name() + " (" + term.get().start() + " – "
                    + term.get().end() + ")";
        }
        throw new RuleViolationException(
                "congress-already-held-in-term",
                "Chi bộ đã tổ chức đại hội ngày " + c.heldOn() + " " + within
                        + "; đại hội chỉ tổ chức một lần mỗi nhiệm kỳ, bầu bổ sung tại buổi sinh hoạt bất thường",
                facts);
    }
}
