package vn.partycell.meeting.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.meeting.application.ComplianceProjection;
import vn.partycell.meeting.application.CongressTerms;
import vn.partycell.meeting.application.InMemoryCellPeriods;
import vn.partycell.meeting.application.InMemoryCellTerms;
import vn.partycell.meeting.application.InMemoryOrgPathRewrites;
import vn.partycell.meeting.application.InMemoryProceedingsRepository;
import vn.partycell.meeting.application.InMemoryRosterRepository;
import vn.partycell.meeting.application.InMemoryWatchedUnits;
import vn.partycell.meeting.application.OrgMoveProjection;
import vn.partycell.meeting.application.RosterProjection;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeTerm;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.PeriodLength;
import vn.partycell.platform.events.EventEnvelope;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/** The inbound adapter's wire handling: type dispatch, tolerant reading, poison — without a broker. */
class MemberEventReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InMemoryRosterRepository rosters = new InMemoryRosterRepository();
    private final InMemoryOrgPathRewrites paths = new InMemoryOrgPathRewrites();
    private final RosterProjection projection = new RosterProjection(rosters);
    private final InMemoryWatchedUnits watched = new InMemoryWatchedUnits();
    private final InMemoryCellTerms terms = new InMemoryCellTerms();
    private final MemberEventReader reader = new MemberEventReader(
            projection,
            new OrgMoveProjection(projection, paths),
            new ComplianceProjection(watched, new InMemoryCellPeriods()),
            new CongressTerms(terms, new InMemoryProceedingsRepository(), null));
    private final UUID memberId = UUID.randomUUID();
    private final UUID cellId = UUID.randomUUID();

    private static InboundEvent event(String type, String json) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                "/partycell/member-service",
                type,
                "subject",
                Instant.parse("2026-03-01T00:00:00Z"),
                null,
                "/hy/a/cb-01/");
        return new InboundEvent(envelope, json.getBytes(StandardCharsets.UTF_8), "topic", 0, 0, JSON);
    }

    private String member(String status, String extra) {
        return """
                {"memberId":"%s","fullName":"Nguyễn Văn An","gender":"MALE","dateOfBirth":"1980-02-03",
                 "cellId":"%s","partyGroupId":null,"orgPath":"/hy/a/cb-01/","status":"%s","exempted":false,
                 "joinedOn":"2010-05-19","email":null,"version":1%s}""".formatted(memberId, cellId, status, extra);
    }

    private String orgUnit(String kind) {
        return """
                {"orgUnitId":"%s","code":"cb-01","name":"Chi bộ 1","kind":"%s","parentId":null,
                 "orgPath":"/hy/a/cb-01/","version":1}""".formatted(cellId, kind);
    }

    private String term(String kind, String start, String end) {
        return """
                {"orgUnitId":"%s","kind":"%s","orgPath":"/hy/a/cb-01/","termId":"5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                 "name":"2025–2030","start":"%s","end":"%s","version":3}""".formatted(cellId, kind, start, end);
    }

    private String orgUnit(String kind, long version, String establishedOn) {
        return orgUnit(kind)
                .replace("\"version\":1", "\"version\":" + version + ",\"establishedOn\":\"" + establishedOn + "\"");
    }

    @Test
    void aNodeOwesMeetingsFromItsFoundingDateElseFromTheDayItWasFirstHeardOf() {
        Period february = new Period(PeriodLength.MONTH, 2026, 2);
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.created", orgUnit("CELL", 1, "2015-07-01"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(watched.find(new OrgUnitId(cellId))).hasValueSatisfying(u -> {
            assertThat(u.since()).isEqualTo(LocalDate.of(2015, 7, 1));
            assertThat(u.owesMeetingsFor(february)).isTrue();
        });

        UUID other = UUID.randomUUID();
        String unfounded = orgUnit("CELL").replace(cellId.toString(), other.toString());
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.created", unfounded)))
                .isEqualTo(Outcome.APPLIED);
        // The envelope's day (1 March 2026 in Vietnam): no meeting owed for February.
        assertThat(watched.find(new OrgUnitId(other))).hasValueSatisfying(u -> {
            assertThat(u.since()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(u.owesMeetingsFor(february)).isFalse();
        });
    }

    @Test
    void aNodeFirstHeardOfWithoutAFoundingDateGetsItWithItsNextEvent() {
        reader.onOrgUnitEvent(event("members.org-unit.created", orgUnit("CELL")));
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.renamed", orgUnit("CELL", 2, "2015-07-01"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(watched.find(new OrgUnitId(cellId)))
                .hasValueSatisfying(u -> assertThat(u.since()).isEqualTo(LocalDate.of(2015, 7, 1)));
        // An older snapshot changes nothing, founding date or not.
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.renamed", orgUnit("CELL", 2, "2010-01-01"))))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(watched.find(new OrgUnitId(cellId)))
                .hasValueSatisfying(u -> assertThat(u.since()).isEqualTo(LocalDate.of(2015, 7, 1)));
    }

    @Test
    void aFoundingDateThatIsNoDateIsPoison() {
        for (String bad : List.of("01/07/2015", "2015-02-30", "")) {
            assertThatThrownBy(() -> reader.onOrgUnitEvent(event("members.org-unit.created", orgUnit("CELL", 1, bad))))
                    .as(bad)
                    .isInstanceOf(PoisonEventException.class)
                    .hasMessageContaining("establishedOn");
        }
        assertThat(watched.find(new OrgUnitId(cellId))).isEmpty();
        assertThat(rosters.cell(new CellId(cellId))).isEmpty();
    }

    @Test
    void aCellsTermIsKeptOnceAndOtherNodesTermsAreNot() {
        String opened = term("CELL", "2025-06-01", "2030-05-31");
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.term-opened", opened)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(terms.termsOf(new CellId(cellId)))
                .containsExactly(new CommitteeTerm(
                        UUID.fromString("5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
                        "2025–2030",
                        LocalDate.parse("2025-06-01"),
                        LocalDate.parse("2030-05-31")));
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.term-opened", opened)))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(reader.onOrgUnitEvent(
                        event("members.org-unit.term-opened", term("COMMITTEE", "2025-06-01", "2030-05-31"))))
                .isEqualTo(Outcome.NO_EFFECT);
    }

    @Test
    void aTermEndingBeforeItStartsOrWithoutItsDaysIsPoison() {
        assertThatThrownBy(() -> reader.onOrgUnitEvent(
                        event("members.org-unit.term-opened", term("CELL", "2030-06-01", "2025-05-31"))))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> reader.onOrgUnitEvent(
                        event("members.org-unit.term-opened", term("CELL", "01/06/2025", "2030-05-31"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("start");
        assertThat(terms.termsOf(new CellId(cellId))).isEmpty();
    }

    @Test
    void aMemberSnapshotIsReadTolerantlyAndAppliedOnce() {
        String json = member("PROBATIONARY", ",\"addedLater\":{\"x\":1}");
        assertThat(reader.onMemberEvent(event("members.member.registered", json)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(rosters.member(new MemberId(memberId)))
                .hasValueSatisfying(m -> assertThat(m.status()).isEqualTo(MemberStatus.PROBATIONARY));
        assertThat(reader.onMemberEvent(event("members.member.updated", json))).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void anAttachedMemberIsInTheHostCellsRosterAndAMemberInTransitInNone() {
        UUID host = UUID.randomUUID();
        reader.onMemberEvent(event(
                "members.member.registered",
                member("FULL", ",\"meetingCellId\":\"" + cellId + "\",\"inTransit\":false")));
        assertThat(rosters.roster(new CellId(cellId))).hasSize(1);

        String attached = member("FULL", ",\"meetingCellId\":\"" + host + "\",\"inTransit\":false")
                .replace("\"version\":1", "\"version\":2");
        assertThat(reader.onMemberEvent(event("members.member.updated", attached)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(rosters.roster(new CellId(cellId))).isEmpty();
        assertThat(rosters.roster(new CellId(host)))
                .singleElement()
                .satisfies(m -> assertThat(m.memberId()).isEqualTo(new MemberId(memberId)));

        String inTransit =
                member("FULL", ",\"meetingCellId\":null,\"inTransit\":true").replace("\"version\":1", "\"version\":3");
        assertThat(reader.onMemberEvent(event("members.member.updated", inTransit)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(rosters.roster(new CellId(cellId))).isEmpty();
        assertThat(rosters.roster(new CellId(host))).isEmpty();

        // An event written before the fields existed counts the member in their own cell.
        String old = member("FULL", "").replace("\"version\":1", "\"version\":4");
        assertThat(reader.onMemberEvent(event("members.member.updated", old))).isEqualTo(Outcome.APPLIED);
        assertThat(rosters.roster(new CellId(cellId))).hasSize(1);
    }

    @Test
    void typesThisServiceDoesNotUseAreIgnored() {
        assertThat(reader.onMemberEvent(event("members.member.transferred", "{}")))
                .isEqualTo(Outcome.IGNORED);
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.merged", "{}")))
                .isEqualTo(Outcome.IGNORED);
    }

    @Test
    void whatCanNeverBeAppliedIsPoison() {
        assertThatThrownBy(() -> reader.onMemberEvent(
                        event("members.member.registered", member("FULL", "").replace("\"cellId\"", "\"cell\""))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("cellId");
        assertThatThrownBy(() -> reader.onMemberEvent(event("members.member.registered", member("RETIRED", ""))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("RETIRED");
        assertThatThrownBy(() -> reader.onMemberEvent(
                        event("members.member.registered", member("FULL", "").replace("/hy/a/cb-01/", "hy a"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("orgPath");
        assertThatThrownBy(() -> reader.onOrgUnitEvent(
                        event("members.org-unit.created", orgUnit("CELL").replace("\"version\":1", "\"version\":0"))))
                .isInstanceOf(PoisonEventException.class);
        assertThat(rosters.member(new MemberId(memberId))).isEmpty();
        assertThat(rosters.cell(new CellId(cellId))).isEmpty();
    }

    @Test
    void orgNodesThatAreNotCellsOrPartyGroupsAskNoRosterButTheComplianceWatchKeepsThem() {
        // The roster keeps no committee; the compliance watch does (a superior lists the cells below it).
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.created", orgUnit("GRASSROOTS"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(watched.find(new OrgUnitId(cellId))).isPresent();
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.created", orgUnit("VILLAGE"))))
                .isEqualTo(Outcome.NO_EFFECT);
        assertThat(rosters.cell(new CellId(cellId))).isEmpty();
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.created", orgUnit("CELL"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(rosters.cell(new CellId(cellId)))
                .hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(OrgUnitKind.CELL));
    }

    @Test
    void aMoveRewritesThePathsBelowOnceAndAnOlderMoveDeliveredLateChangesNothing() {
        String committee = """
                {"orgUnitId":"%s","code":"a","name":"Đảng ủy A","kind":"COMMITTEE","parentId":null,
                 "orgPath":"/hy/b/a/","previousOrgPath":"/hy/a/","version":%d}""";
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.moved", committee.formatted(cellId, 3))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(paths.rewrites()).containsExactly(List.of(OrgPath.of("/hy/a/"), OrgPath.of("/hy/b/a/")));
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.moved", committee.formatted(cellId, 3))))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.moved", committee.formatted(cellId, 2))))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(paths.rewrites()).hasSize(1);
        assertThatThrownBy(() -> reader.onOrgUnitEvent(event(
                        "members.org-unit.moved", committee.formatted(cellId, 4).replace("previousOrgPath", "was"))))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void aRenamedOrDissolvedNodeReplacesTheOlderSnapshot() {
        reader.onOrgUnitEvent(event("members.org-unit.created", orgUnit("CELL")));
        String renamed =
                orgUnit("CELL").replace("Chi bộ 1", "Chi bộ Sở Tư pháp").replace("\"version\":1", "\"version\":2");
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.renamed", renamed)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(rosters.cell(new CellId(cellId)))
                .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Chi bộ Sở Tư pháp"));
    }

    @Test
    void theComplianceWatchKeepsEveryKindOfNodeAndItsDissolution() {
        UUID committee = UUID.randomUUID();
        assertThat(reader.onOrgUnitEvent(event("members.org-unit.created", """
                {"orgUnitId":"%s","code":"hy","name":"Huyện ủy","kind":"COMMITTEE","parentId":null,
                 "orgPath":"/hy/","version":1}""".formatted(committee))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(watched.find(new OrgUnitId(committee)).orElseThrow().since())
                .isEqualTo(java.time.LocalDate.of(2026, 3, 1));
        reader.onOrgUnitEvent(event("members.org-unit.created", """
                {"orgUnitId":"%s","code":"cb-01","name":"Chi bộ 1","kind":"CELL","parentId":"%s",
                 "orgPath":"/hy/cb-01/","version":1}""".formatted(cellId, committee)));
        assertThat(watched.liveCells(OrgPath.of("/hy/"), null, 10)).hasSize(1);
        reader.onOrgUnitEvent(event("members.org-unit.dissolved", """
                {"orgUnitId":"%s","code":"cb-01","name":"Chi bộ 1","kind":"CELL","parentId":"%s",
                 "orgPath":"/hy/cb-01/","dissolvedOn":"2026-02-28","version":2}""".formatted(cellId, committee)));
        assertThat(watched.find(new OrgUnitId(cellId)).orElseThrow().dissolvedOn())
                .isEqualTo(java.time.LocalDate.of(2026, 2, 28));
        assertThat(watched.liveCells(OrgPath.of("/hy/"), null, 10)).isEmpty();
    }
}
