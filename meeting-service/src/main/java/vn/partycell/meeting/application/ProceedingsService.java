package vn.partycell.meeting.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Ballot;
import vn.partycell.meeting.domain.CommitteeRole;
import vn.partycell.meeting.domain.ElectionBallot;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.ProceedingsEvent;
import vn.partycell.meeting.domain.RemarkKind;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Recording what happens during a meeting (diễn biến buổi sinh hoạt): speeches, commendations and
 * criticisms, resolutions and their votes, the congress's elections. The committee (COMMITTEE or
 * above on the cell) records, only while the meeting is in progress; whoever reads the meeting reads
 * its proceedings, with the speakers counted against the year's target.
 */
@Service
public class ProceedingsService {

    private final ProceedingsRepository proceedings;
    private final MeetingRepository meetings;
    private final RosterRepository rosters;
    private final ProceedingsPolicy policy;
    private final CongressTerms congressTerms;
    private final Clock clock;

    public ProceedingsService(
            ProceedingsRepository proceedings,
            MeetingRepository meetings,
            RosterRepository rosters,
            ProceedingsPolicy policy,
            CongressTerms congressTerms,
            Clock clock) {
        this.proceedings = proceedings;
        this.meetings = meetings;
        this.rosters = rosters;
        this.policy = policy;
        this.congressTerms = congressTerms;
        this.clock = clock;
    }

    /** The proceedings as read: the record, and the speakers counted against the year's target. */
    public record ProceedingsView(Proceedings proceedings, int speakers, int speakersTarget) {

        public boolean speakersTargetMet() {
            return speakers >= speakersTarget;
        }
    }

    public ProceedingsView get(Caller caller, MeetingId id) {
        Meeting meeting = meeting(id);
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", id);
        return view(meeting, proceedings.find(id).orElseGet(() -> Proceedings.of(meeting)));
    }

    public ProceedingsView recordSpeech(
            Caller caller, MeetingId id, Long expectedVersion, MemberId memberId, String subject) {
        return record(
                caller,
                id,
                expectedVersion,
                (m, p, roster) -> p.recordSpeech(m, roster, memberId, subject, caller.username(), clock.instant()));
    }

    public ProceedingsView recordRemark(
            Caller caller, MeetingId id, Long expectedVersion, RemarkKind kind, MemberId memberId, String reason) {
        return record(
                caller,
                id,
                expectedVersion,
                (m, p, roster) ->
                        p.recordRemark(m, roster, kind, memberId, reason, caller.username(), clock.instant()));
    }

    public ProceedingsView proposeResolution(
            Caller caller, MeetingId id, Long expectedVersion, UUID resolutionId, String title, String text) {
        return record(
                caller,
                id,
                expectedVersion,
                (m, p, roster) ->
                        p.proposeResolution(m, resolutionId, title, text, caller.username(), clock.instant()));
    }

    public ProceedingsView castVotes(
            Caller caller, MeetingId id, Long expectedVersion, UUID resolutionId, List<Ballot> ballots) {
        return record(
                caller,
                id,
                expectedVersion,
                (m, p, roster) -> p.castVotes(
                        m,
                        roster,
                        resolutionId,
                        ballots,
                        policy.resolutionPass(p.heldOn().getYear(), p.kind())));
    }

    /**
     * Opens an election. A congress (not an extraordinary meeting) is held once a term: one less than
     * the policy's interval after another congress of the cell that elected is refused (422 on
     * {@code kind}); the second one is held as an extraordinary meeting.
     */
    public ProceedingsView openElection(
            Caller caller,
            MeetingId id,
            Long expectedVersion,
            UUID electionId,
            CommitteeRole role,
            int seats,
            List<MemberId> candidates) {
        return record(caller, id, expectedVersion, (m, p, roster) -> {
            if (p.kind() == MeetingKind.CONGRESS) {
                requireFirstCongressOfTerm(p);
            }
            return p.openElection(m, roster, electionId, role, seats, candidates, caller.username(), clock.instant());
        });
    }

    public ProceedingsView castElectionBallots(
            Caller caller, MeetingId id, Long expectedVersion, UUID electionId, List<ElectionBallot> ballots) {
        return record(
                caller, id, expectedVersion, (m, p, roster) -> p.castElectionBallots(m, roster, electionId, ballots));
    }

    public ProceedingsView countElection(Caller caller, MeetingId id, Long expectedVersion, UUID electionId) {
        return record(caller, id, expectedVersion, (m, p, roster) -> {
            if (p.kind() == MeetingKind.CONGRESS) {
                requireFirstCongressOfTerm(p);
            }
            return p.countElection(
                    m, electionId, policy.election(p.heldOn().getYear()), caller.username(), clock.instant());
        });
    }

    private void requireFirstCongressOfTerm(Proceedings p) {
        congressTerms.requireFirstOfTerm(p.cellId(), p.meetingId(), p.heldOn());
    }

    @FunctionalInterface
    private interface Command {
        Change<Proceedings, ProceedingsEvent> apply(InProgressMeeting meeting, Proceedings proceedings, Roster roster);
    }

    /** Scope and role (404/403), the version read (409), the meeting in progress (409/422), then the command. */
    private ProceedingsView record(Caller caller, MeetingId id, Long expectedVersion, Command command) {
        Meeting meeting = meeting(id);
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        Proceedings current =
                proceedings.find(id).map(p -> p.at(meeting.orgPath())).orElseGet(() -> Proceedings.of(meeting));
        Versions.requireCurrent(expectedVersion, current.version(), "Diễn biến buổi sinh hoạt");
        InProgressMeeting inProgress = meeting.requireInProgress();
        Roster roster = new Roster(rosters.roster(meeting.cellId()));
        Change<Proceedings, ProceedingsEvent> change = command.apply(inProgress, current, roster);
        proceedings.save(change, current.version());
        return view(meeting, change.state());
    }

    private ProceedingsView view(Meeting meeting, Proceedings p) {
        return new ProceedingsView(
                p, p.speakers(meeting).size(), policy.speakersTarget(p.heldOn().getYear(), p.kind()));
    }

    /**
     * The speakers of a meeting the caller has already been allowed to read, counted against the
     * year's target (rule 3.16) exactly as its proceedings are read: shown on the meeting itself.
     */
    public ProceedingsView speakersOf(Meeting meeting) {
        return view(meeting, proceedings.find(meeting.id()).orElseGet(() -> Proceedings.of(meeting)));
    }

    private Meeting meeting(MeetingId id) {
        return meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
    }
}
