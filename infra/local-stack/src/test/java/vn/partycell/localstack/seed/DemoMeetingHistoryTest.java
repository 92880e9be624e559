package vn.partycell.localstack.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.partycell.localstack.LaunchException;
import vn.partycell.localstack.seed.DemoMeetingHistoryPlan.Meeting;

/** The meeting history as the seeder runs it, against the fake gateway's meeting-service paths. */
class DemoMeetingHistoryTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;

    private FakeGateway gateway;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final LocalDate today = LocalDate.now(VIETNAM);
    private final DemoProvincePlan province = DemoProvincePlan.generate(DemoProvincePlan.DEFAULT_SEED, today);
    private final DemoMeetingHistoryPlan plan = DemoMeetingHistoryPlan.generate(province, today);

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway(dir.resolve("demo-users.json"));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private GatewayApi api() {
        return new GatewayApi(gateway.uri(), gateway.json, 4, Duration.ofMillis(10));
    }

    private DemoProvinceSeeder seeder(Duration rosterTimeout) {
        return new DemoProvinceSeeder(
                api(),
                dir.resolve("demo-users.json"),
                province,
                8,
                new PrintStream(output, true, StandardCharsets.UTF_8),
                new DemoMeetingHistory.Waits(rosterTimeout, Duration.ofMillis(10)));
    }

    private DemoProvinceSeeder seeder() {
        return seeder(Duration.ofSeconds(10));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private String unitId(String code) {
        return gateway.units.values().stream()
                .filter(u -> u.path("code").asString().equals(code))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    private List<ObjectNode> meetingsOf(String code) {
        String id = unitId(code);
        return gateway.meetings.meetings.values().stream()
                .filter(m -> m.path("cellId").asString().equals(id))
                .toList();
    }

    private List<ObjectNode> tasksOf(ObjectNode meeting) {
        return gateway.meetings.tasks.values().stream()
                .filter(t ->
                        t.path("meetingId").asString().equals(meeting.path("id").asString()))
                .toList();
    }

    private int cb01Meetings() {
        return plan.cells().getFirst().meetings().size();
    }

    @Test
    void recordsTheYearOfMeetingsThroughTheApi() {
        seeder().run();

        assertThat(gateway.meetings.meetings).hasSize(plan.meetings().size());
        assertThat(gateway.meetings.meetings.values())
                .allSatisfy(m -> assertThat(m.path("status").asString()).isEqualTo("CLOSED"));
        for (DemoMeetingHistoryPlan.CellHistory cell : plan.cells()) {
            List<ObjectNode> recorded = meetingsOf(cell.cell().code());
            assertThat(recorded)
                    .extracting(m -> m.path("title").asString())
                    .containsExactlyInAnyOrderElementsOf(
                            cell.meetings().stream().map(Meeting::title).toList());
        }
        // The cells are established long before the history.
        ObjectNode cb01 = gateway.units.get(unitId("cb-01"));
        assertThat(LocalDate.parse(cb01.path("establishedOn").asString()))
                .isEqualTo(province.units(DemoProvincePlan.Kind.CELL).getFirst().establishedOn())
                .isBefore(today.minusYears(2));

        int overdue = 0;
        int done = 0;
        for (ObjectNode meeting : gateway.meetings.meetings.values()) {
            Set<String> present = new HashSet<>();
            int spoke = 0;
            for (JsonNode line : meeting.path("attendance")) {
                if (line.path("status").asString().equals("PRESENT")) {
                    present.add(line.path("memberId").asString());
                }
                spoke += line.path("spoke").asBoolean() ? 1 : 0;
                ObjectNode member = gateway.members.get(line.path("memberId").asString());
                assertThat(member.path("exempted").asBoolean()).isFalse();
            }
            assertThat(spoke).isPositive();
            List<ObjectNode> tasks = tasksOf(meeting);
            assertThat(tasks)
                    .extracting(t -> t.path("ownerId").asString())
                    .containsExactlyInAnyOrderElementsOf(present);
            overdue += (int) tasks.stream()
                    .filter(t -> t.path("outcome").asString().equals("OVERDUE"))
                    .count();
            done += (int) tasks.stream()
                    .filter(t ->
                            Set.of("ON_TIME", "LATE").contains(t.path("outcome").asString()))
                    .count();
            JsonNode resolutions = gateway.meetings
                    .proceedings
                    .get(meeting.path("id").asString())
                    .path("resolutions");
            assertThat(resolutions).hasSize(1);
            assertThat(resolutions.get(0).path("passed").asBoolean()).isTrue();
            for (String voter : resolutions.get(0).findValuesAsString("memberId")) {
                assertThat(gateway.members.get(voter).path("status").asString()).isEqualTo("FULL");
            }
        }
        assertThat(overdue)
                .isEqualTo(plan.meetings().stream()
                        .mapToInt(m -> m.overdue().size())
                        .sum())
                .isPositive();
        // The plan counts slots; the few members the story moves out of a cell have no task there.
        int planned = plan.meetings().stream().mapToInt(m -> m.done().size()).sum();
        assertThat(done)
                .as("the tasks done in the plan are confirmed with their dates")
                .isBetween(planned * 95 / 100, planned);
        assertThat(gateway.meetings.grades).hasSize((int)
                plan.meetings().stream().filter(m -> m.grade() != null).count());
        assertThat(gateway.meetings.watchRuns).containsExactly(today.toString());
        assertThat(printed())
                .contains("meeting history cb-01: " + cb01Meetings() + " meetings recorded, 0 found")
                .contains("compliance watch as of " + today)
                .doesNotContain("refused");
        System.out.printf(
                "Meeting history: %d meetings, %d requests to meeting-service (%d writes)%n",
                gateway.meetings.meetings.size(), gateway.meetings.requests.get(), gateway.meetings.writes.size());
    }

    @Test
    void aSecondRunOfTheHistoryWritesNothing() {
        seeder().run();
        int writes = gateway.meetings.writes.size();

        Map<String, String> cellIds = new LinkedHashMap<>();
        province.units(DemoProvincePlan.Kind.CELL).forEach(cell -> cellIds.put(cell.code(), unitId(cell.code())));
        Map<String, List<String>> memberIds = new LinkedHashMap<>();
        province.membersByCell().forEach((code, members) -> {
            List<String> ids = new ArrayList<>();
            for (DemoProvincePlan.MemberPlan member : members) {
                ids.add(gateway.members.values().stream()
                        .filter(m -> m.path("citizenId")
                                .asString()
                                .equals(member.person().citizenId()))
                        .findFirst()
                        .orElseThrow()
                        .path("id")
                        .asString());
            }
            memberIds.put(code, ids);
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int again = new DemoMeetingHistory(
                            api(),
                            plan,
                            cellIds,
                            memberIds,
                            today,
                            pool,
                            DemoMeetingHistory.Waits.DEFAULT,
                            new PrintStream(output, true, StandardCharsets.UTF_8))
                    .run(gateway.adminToken);
            // Only the compliance watch runs again (it publishes each cell, kind and period once).
            assertThat(again).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(gateway.meetings.writes).hasSize(writes + 1);
        assertThat(gateway.meetings.writes.getLast()).startsWith("POST /api/v1/compliance/watch-runs");
        assertThat(printed()).contains("meeting history cb-01: 0 meetings recorded, " + cb01Meetings() + " found");
    }

    @Test
    void aHistoryInterruptedTwiceIsFinishedByTheNextStartsWritingNothingTwice() {
        gateway.meetings.unavailableAfterWrites = 700;
        assertThatThrownBy(() -> seeder().run()).isInstanceOf(LaunchException.class);
        assertThat(dir.resolve("demo-users.json")).doesNotExist();
        assertThat(gateway.meetings.meetings.values())
                .as("some meeting was left in progress")
                .anyMatch(m -> m.path("status").asString().equals("IN_PROGRESS"));
        gateway.meetings.unavailableAfterWrites = 1_900;
        assertThatThrownBy(() -> seeder().run()).isInstanceOf(LaunchException.class);
        gateway.meetings.unavailableAfterWrites = -1;

        assertThat(seeder().run().created()).isTrue();

        assertThat(dir.resolve("demo-users.json")).exists();
        assertThat(printed()).doesNotContain("refused");
        assertThat(gateway.meetings.meetings).hasSize(plan.meetings().size());
        for (DemoMeetingHistoryPlan.CellHistory cell : plan.cells()) {
            assertThat(meetingsOf(cell.cell().code()))
                    .extracting(m -> m.path("title").asString())
                    .doesNotHaveDuplicates()
                    .hasSize(cell.meetings().size());
        }
        for (ObjectNode meeting : gateway.meetings.meetings.values()) {
            assertThat(meeting.path("status").asString()).isEqualTo("CLOSED");
            assertThat(tasksOf(meeting))
                    .extracting(t -> t.path("ownerId").asString())
                    .doesNotHaveDuplicates();
            JsonNode proceedings =
                    gateway.meetings.proceedings.get(meeting.path("id").asString());
            assertThat(proceedings.path("resolutions")).hasSize(1);
            List<String> remarks = new ArrayList<>();
            proceedings.path("remarks").forEach(r -> remarks.add(r.path("kind").asString() + r.path("memberId")));
            assertThat(remarks).doesNotHaveDuplicates();
        }
        assertThat(gateway.meetings.grades).hasSize((int)
                plan.meetings().stream().filter(m -> m.grade() != null).count());
        assertThat(gateway.meetings.tasks.values().stream()
                        .filter(t -> t.path("outcome").asString().equals("OVERDUE"))
                        .count())
                .isEqualTo(plan.meetings().stream()
                        .mapToInt(m -> m.overdue().size())
                        .sum());
    }

    @Test
    void waitsForMeetingServiceToKnowTheRosters() {
        gateway.meetings.rosterMissingFirst.set(20);

        assertThat(seeder().run().created()).isTrue();
        assertThat(gateway.meetings.meetings).hasSize(plan.meetings().size());
    }

    @Test
    void aRosterThatNeverFillsFailsTheStartSoTheNextOneResumes() {
        gateway.meetings.rosterMissingFirst.set(1_000_000);

        assertThatThrownBy(() -> seeder(Duration.ofMillis(200)).run())
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("roster of cb-");
        assertThat(dir.resolve("demo-users.json")).doesNotExist();
    }

    @Test
    void aRefusedMeetingIsPrintedAndSkipped() {
        String title = plan.meetings().getFirst().title();
        gateway.meetings.refuseHeld = body -> body.path("title").asString().equals(title);

        assertThat(seeder().run().created()).isTrue();

        long refused =
                plan.meetings().stream().filter(m -> m.title().equals(title)).count();
        assertThat(gateway.meetings.meetings).hasSize(plan.meetings().size() - (int) refused);
        assertThat(printed()).contains("'" + title + "' was refused and is skipped");
    }
}
