package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberMeetingFacts;
import vn.partycell.meeting.domain.Nomination;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.SelfCriticismOutcome;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;

class SelfCriticismClosingFactsTest {

    private final InMemorySelfCriticismRepository rounds = new InMemorySelfCriticismRepository();
    private final SelfCriticismClosingFacts facts = new SelfCriticismClosingFacts(rounds);
    private final CellId cell = new CellId(java.util.UUID.randomUUID());
    private final MemberId picked = new MemberId(java.util.UUID.randomUUID());
    private final OrgUnitId group = new OrgUnitId(java.util.UUID.randomUUID());
    // 19:30 on 5 December in Vietnam, 12:30 UTC: the December round.
    private final InProgressMeeting meeting = new InProgressMeeting(
            MeetingId.random(),
            cell,
            new OrgPath("/hy/a/cb-1/"),
            new MeetingPlan(
                    MeetingKind.REGULAR,
                    "Sinh hoạt",
                    null,
                    Instant.parse("2026-12-05T12:30:00Z"),
                    "Hội trường",
                    List.of("Nội dung")),
            Map.of(),
            Instant.parse("2026-12-05T12:30:00Z"),
            "bt",
            3);

    private void round(YearMonth month, SelfCriticismOutcome outcome) {
        rounds.save(
                Change.silent(new SelfCriticismRound(
                        new SelfCriticismRoundId(cell, month),
                        new OrgPath("/hy/a/cb-1/"),
                        Map.of(group, new Nomination(group, picked, null, "bt", Instant.now())),
                        picked,
                        "bt",
                        outcome,
                        1)),
                0);
    }

    @Test
    void theMonthsPickWhoSelfCriticisedIsTheFact() {
        round(YearMonth.of(2026, 12), new SelfCriticismOutcome(true, null, null, "bt", Instant.now()));

        assertThat(facts.of(meeting))
                .containsExactly(Map.entry(picked, new MemberMeetingFacts(false, true, 0, 0, 0, 0)));
    }

    @Test
    void noOutcomeNotDoneOrAnotherMonthIsNoFact() {
        round(YearMonth.of(2026, 11), new SelfCriticismOutcome(true, null, null, "bt", Instant.now()));
        assertThat(facts.of(meeting)).isEmpty();

        round(YearMonth.of(2026, 12), new SelfCriticismOutcome(false, "Ốm", null, "bt", Instant.now()));
        assertThat(facts.of(meeting)).isEmpty();
    }
}
