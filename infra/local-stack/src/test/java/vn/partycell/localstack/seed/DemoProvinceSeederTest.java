package vn.partycell.localstack.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.partycell.localstack.LaunchException;

class DemoProvinceSeederTest {

    @TempDir
    Path dir;

    private Path usersFile;
    private FakeGateway gateway;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        usersFile = dir.resolve("demo-users.json");
        gateway = new FakeGateway(usersFile);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private DemoProvinceSeeder seeder() {
        GatewayApi api = new GatewayApi(gateway.uri(), gateway.json, 4, Duration.ofMillis(10));
        DemoProvincePlan plan =
                DemoProvincePlan.generate(DemoProvincePlan.DEFAULT_SEED, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        return new DemoProvinceSeeder(api, usersFile, plan, 8, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createsTheProvinceThroughTheApiAndWritesTheDemoUsers() throws Exception {
        DemoProvinceSeeder.Outcome outcome = seeder().run();

        assertThat(outcome.created()).isTrue();
        assertThat(gateway.members).hasSize(600);
        Map<String, Long> unitsByKind = gateway.units.values().stream()
                .collect(Collectors.groupingBy(unit -> unit.path("kind").asString(), Collectors.counting()));
        assertThat(unitsByKind)
                .containsEntry("PROVINCE", 1L)
                .containsEntry("COMMITTEE", 3L)
                .containsEntry("CELL", 30L);
        assertThat(unitsByKind.get("GRASSROOTS")).isBetween(3L, 6L);
        assertThat(unitsByKind.get("PARTY_GROUP")).isBetween(60L, 90L);
        assertThat(gateway.maxInFlight.get()).isBetween(2, 8);
        assertThat(outcome.firstCellId())
                .isEqualTo(unitByCode("cb-01").path("id").asString());

        long probationary = gateway.members.values().stream()
                .filter(m -> m.path("status").asString().equals("PROBATIONARY"))
                .count();
        long exempted = gateway.members.values().stream()
                .filter(m -> m.path("exempted").asBoolean())
                .count();
        assertThat(probationary).isEqualTo(60);
        assertThat(exempted).isEqualTo(30);

        JsonNode users = gateway.json.readTree(usersFile.toFile()).path("users");
        assertThat(users.values())
                .extracting(user -> user.path("username").asString())
                .containsExactly(
                        "tinh-uy", "bi-thu-cb01", "dang-vien-cb01", "bi-thu-cb11", "dang-uy-khoi", "huyen-uy-vl");

        JsonNode tinhUy = user(users, "tinh-uy");
        assertThat(tinhUy.has("memberId")).isFalse();
        assertThat(grant(tinhUy)).isEqualTo(Map.of("org", "/hy/", "role", "admin"));

        String cb01Path = unitByCode("cb-01").path("orgPath").asString();
        assertThat(cb01Path).startsWith("/hy/du-khoi-ccq/").endsWith("/cb-01/");
        JsonNode secretary = user(users, "bi-thu-cb01");
        JsonNode ordinary = user(users, "dang-vien-cb01");
        assertThat(grant(secretary)).isEqualTo(Map.of("org", cb01Path, "role", "secretary"));
        assertThat(grant(ordinary)).isEqualTo(Map.of("org", cb01Path, "role", "member"));
        assertThat(memberOf(secretary).path("orgPath").asString()).isEqualTo(cb01Path);
        assertThat(memberOf(ordinary).path("orgPath").asString()).isEqualTo(cb01Path);
        assertThat(secretary.path("memberId").asString())
                .isNotEqualTo(ordinary.path("memberId").asString());
        assertThat(secretary.path("displayName").asString())
                .isEqualTo(memberOf(secretary).path("fullName").asString());

        String cb11Path = unitByCode("cb-11").path("orgPath").asString();
        assertThat(cb11Path).startsWith("/hy/huyen-uy-vl/");
        assertThat(grant(user(users, "bi-thu-cb11"))).isEqualTo(Map.of("org", cb11Path, "role", "secretary"));
        assertThat(memberOf(user(users, "bi-thu-cb11")).path("orgPath").asString())
                .isEqualTo(cb11Path);

        JsonNode khoi = user(users, "dang-uy-khoi");
        assertThat(grant(khoi)).isEqualTo(Map.of("org", "/hy/du-khoi-ccq/", "role", "superior"));
        assertThat(memberOf(khoi).path("orgPath").asString()).startsWith("/hy/du-khoi-ccq/");
        JsonNode huyen = user(users, "huyen-uy-vl");
        assertThat(grant(huyen)).isEqualTo(Map.of("org", "/hy/huyen-uy-vl/", "role", "superior"));
        assertThat(memberOf(huyen).path("orgPath").asString()).startsWith("/hy/huyen-uy-vl/");

        assertThat(printed()).contains("600/600 members").contains("Demo data seeded");
    }

    @Test
    void aSecondRunFindsTheProvinceAndChangesNothing() throws Exception {
        seeder().run();
        String users = Files.readString(usersFile);
        int posts = gateway.posts.get();

        DemoProvinceSeeder.Outcome again = seeder().run();

        assertThat(again.created()).isFalse();
        assertThat(gateway.posts.get()).isEqualTo(posts);
        assertThat(Files.readString(usersFile)).isEqualTo(users);
        assertThat(again.firstCellId()).isEqualTo(unitByCode("cb-01").path("id").asString());
        assertThat(printed()).contains("Demo data already present, skipping the seed");
    }

    @Test
    void retriesServerErrors() {
        gateway.unavailableFirst.set(3);

        DemoProvinceSeeder.Outcome outcome = seeder().run();

        assertThat(outcome.created()).isTrue();
        assertThat(gateway.members).hasSize(600);
        long meetingPosts = gateway.meetings.writes.stream()
                .filter(w -> w.startsWith("POST "))
                .count();
        assertThat(gateway.posts.get())
                .isEqualTo(gateway.units.size() + 600 + 3 + gateway.storyWrites.size() + meetingPosts);
    }

    @Test
    void aClientErrorFailsAtOnceWithTheProblem() {
        gateway.rejectWith400 = body -> body.path("citizenId").isString() && gateway.members.size() >= 20;

        assertThatThrownBy(() -> seeder().run())
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("POST /api/v1/members returned 400")
                // the gateway's problem detail stays as the API wrote it (Vietnamese, for users)
                .hasMessageContaining("bị từ chối trong bài kiểm thử");
        assertThat(usersFile).doesNotExist();
    }

    @Test
    void anInterruptedFirstSeedIsFinishedByTheNextStartCreatingNothingTwice() throws Exception {
        // First start stops among the members, the second one in the middle of the demo story.
        gateway.rejectWith400 = body -> body.path("citizenId").isString() && gateway.members.size() >= 250;
        assertThatThrownBy(() -> seeder().run()).isInstanceOf(LaunchException.class);
        assertThat(usersFile).doesNotExist();
        gateway.rejectWith400 = body -> false;
        gateway.unavailableAtStoryWrite = 40;
        gateway.storyUnavailableLeft.set(4); // every attempt of the seeder's client
        assertThatThrownBy(() -> seeder().run()).isInstanceOf(LaunchException.class);
        assertThat(usersFile).doesNotExist();
        assertThat(printed()).contains("An earlier seed was interrupted");

        DemoProvinceSeeder.Outcome finished = seeder().run();

        assertThat(finished.created()).isTrue();
        assertThat(usersFile).exists();
        DemoProvincePlan plan =
                DemoProvincePlan.generate(DemoProvincePlan.DEFAULT_SEED, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        int planned = 1;
        for (DemoProvincePlan.Kind kind : List.of(
                DemoProvincePlan.Kind.COMMITTEE,
                DemoProvincePlan.Kind.GRASSROOTS,
                DemoProvincePlan.Kind.CELL,
                DemoProvincePlan.Kind.PARTY_GROUP)) {
            planned += plan.units(kind).size();
        }
        assertThat(gateway.units).hasSize(planned);
        assertThat(gateway.members).hasSize(600);
        for (ObjectNode unit : gateway.units.values()) {
            String kind = unit.path("kind").asString();
            if (kind.equals("CELL") || kind.equals("COMMITTEE")) {
                assertThat(unit.path("terms").findValuesAsString("name"))
                        .as("terms of " + unit.path("code").asString())
                        .containsExactly("Nhiệm kỳ 2015–2020", "Nhiệm kỳ 2020–2025", "Nhiệm kỳ 2025–2030");
            }
            if (kind.equals("CELL")) {
                assertThat(unit.path("roles").findValuesAsString("role").stream()
                                .filter("SECRETARY"::equals))
                        .as("one secretary in " + unit.path("code").asString())
                        .hasSize(1);
            }
        }
        for (ObjectNode member : gateway.members.values()) {
            List<String> kinds = member.path("history").findValuesAsString("kind");
            assertThat(kinds).doesNotHaveDuplicates();
            assertThat(member.path("discipline").size()).isLessThanOrEqualTo(1);
        }
        assertThat(gateway.members.values().stream()
                        .flatMap(m -> m.path("history").findValuesAsString("kind").stream())
                        .sorted()
                        .toList())
                .containsExactly(
                        "ATTACHMENT", "EXEMPTION", "TRANSFER_ACCEPTED", "TRANSFER_REQUESTED", "TRANSFER_REQUESTED");
        assertThat(gateway.duesRecorded).isNotEmpty();
        assertThat(gateway.storyWrites.stream().filter(w -> w.contains("/dues/")))
                .as("each month's sheet is sent at most once per start and records each row once")
                .isNotEmpty();

        int writes = gateway.storyWrites.size();
        assertThat(seeder().run().created()).isFalse();
        assertThat(gateway.storyWrites).hasSize(writes);
    }

    @Test
    void aRefusedStoryStepIsReportedAndSkippedSoTheStackStillStarts() throws Exception {
        gateway.refuseStoryWrite = path -> path.endsWith("/discipline-decisions");

        assertThat(seeder().run().created()).isTrue();

        assertThat(usersFile).exists();
        assertThat(printed()).contains("step 'discipline' was refused");
        assertThat(gateway.storyWrites).anyMatch(w -> w.endsWith("/exemptions"));
    }

    private ObjectNode unitByCode(String code) {
        return gateway.units.values().stream()
                .filter(unit -> unit.path("code").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private ObjectNode memberOf(JsonNode user) {
        ObjectNode member = gateway.members.get(user.path("memberId").asString());
        assertThat(member).as("member of " + user).isNotNull();
        return member;
    }

    private static JsonNode user(JsonNode users, String username) {
        return users.values().stream()
                .filter(user -> user.path("username").asString().equals(username))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> grant(JsonNode user) {
        List<JsonNode> grants = List.copyOf(user.path("grants").values());
        assertThat(grants).hasSize(1);
        return Map.of(
                "org", grants.getFirst().path("org").asString(),
                "role", grants.getFirst().path("role").asString());
    }
}
