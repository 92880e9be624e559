package vn.partycell.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.kernel.OrgPath;

class EventFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MEMBER = "5e8a2f10-7c3b-4d9e-a1f2-3b4c5d6e7f80";

    enum Status {
        PRESENT,
        ABSENT
    }

    record Line(UUID memberId, Status status, boolean spoke) {}

    private static EventFields fields(String json) {
        return EventFields.root("ev-1", JSON.readTree(json));
    }

    private static final String MEETING = """
            {"meetingId":"%s","orgPath":"/hy/cb-1/","title":"Họp","startsAt":"2025-03-05T01:00:00Z",
             "year":2025,"version":7,"final":true,"kind":"REGULAR","agenda":["a","b"],
             "quorum":{"eligible":3,"present":2},
             "attendance":[{"memberId":"%s","status":"PRESENT","spoke":true},
                           {"memberId":"%s","status":"ABSENT","spoke":false}],
             "extra":{"unknown":"ignored"}}
            """.formatted(MEMBER, MEMBER, "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");

    @Test
    void readsEveryTypedFieldByNameAndIgnoresTheRest() {
        EventFields f = fields(MEETING);
        assertThat(f.uuid("meetingId")).isEqualTo(UUID.fromString(MEMBER));
        assertThat(f.orgPath("orgPath")).isEqualTo(OrgPath.of("/hy/cb-1/"));
        assertThat(f.text("title")).isEqualTo("Họp");
        assertThat(f.instant("startsAt")).isEqualTo(Instant.parse("2025-03-05T01:00:00Z"));
        assertThat(f.integer("year")).isEqualTo(2025);
        assertThat(f.longNumber("version")).isEqualTo(7L);
        assertThat(f.positiveLong("version")).isEqualTo(7L);
        assertThat(f.bool("final")).isTrue();
        assertThat(f.texts("agenda")).containsExactly("a", "b");
        assertThat(f.texts("notThere")).isEmpty();
        assertThat(fields("{\"months\":[1,3]}").integers("months")).containsExactly(1, 3);
        assertThat(f.integers("notThere")).isEmpty();
        assertPoison(() -> fields("{\"months\":[1,\"3\"]}").integers("months"), "months[1] is not an integer: \"3\"");
        assertThat(f.object("quorum").integer("present")).isEqualTo(2);
        assertThat(f.optionalText("place")).isEmpty();
        assertThat(f.optionalUuid("meetingId")).contains(UUID.fromString(MEMBER));
        assertThat(f.optionalUuid("cellId")).isEmpty();
        List<Line> lines = f.objects(
                "attendance", a -> new Line(a.uuid("memberId"), a.enumValue("status", Status.class), a.bool("spoke")));
        assertThat(lines).extracting(Line::status).containsExactly(Status.PRESENT, Status.ABSENT);
    }

    @Test
    void aCalendarDateIsReadAndOneThatIsNoDateIsPoisonNamingItsField() {
        assertThat(fields("{\"dueOn\":\"2027-01-20\"}").date("dueOn")).isEqualTo(java.time.LocalDate.of(2027, 1, 20));
        assertPoison(
                () -> fields("{\"dueOn\":\"2027-02-30\"}").date("dueOn"),
                "dueOn is not a date (yyyy-MM-dd): '2027-02-30'");
        assertPoison(() -> fields("{}").date("dueOn"), "dueOn is missing");
    }

    @Test
    void anOptionalObjectIsMissingOrNullOrAnObjectWhosePathIsNamed() {
        assertThat(fields("{}").optionalObject("recordedAfterwards")).isEmpty();
        assertThat(fields("{\"recordedAfterwards\":null}").optionalObject("recordedAfterwards"))
                .isEmpty();
        EventFields recorded = fields("{\"recordedAfterwards\":{\"by\":\"tinh-uy\"}}")
                .optionalObject("recordedAfterwards")
                .orElseThrow();
        assertThat(recorded.text("by")).isEqualTo("tinh-uy");
        assertPoison(() -> recorded.instant("at"), "recordedAfterwards.at is missing");
        assertPoison(
                () -> fields("{\"recordedAfterwards\":\"x\"}").optionalObject("recordedAfterwards"),
                "recordedAfterwards is not an object: \"x\"");
    }

    @Test
    void aFailureNamesTheEventAndTheFieldPath() {
        String bad =
                MEETING.replace("\"memberId\":\"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\"", "\"memberId\":\"not-a-uuid\"");
        assertThatThrownBy(() -> fields(bad).objects("attendance", a -> a.uuid("memberId")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("Event ev-1: attendance[1].memberId is not a UUID: 'not-a-uuid'");
        assertThatThrownBy(() -> fields(MEETING).object("quorum").integer("required"))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("Event ev-1: quorum.required is missing");
    }

    @Test
    void wrongTypesMissingAndNullRequiredFieldsArePoison() {
        EventFields f = fields("""
                {"n":null,"s":"x","i":1.5,"big":12345678901,"b":"true","t":"yesterday","a":"x",
                 "u":"1-1-1-1-1","p":"no/slash","neg":0}
                """);
        assertPoison(() -> f.text("n"), "n is missing");
        assertPoison(() -> f.text("absent"), "absent is missing");
        assertPoison(() -> f.integer("s"), "s is not an integer: \"x\"");
        assertPoison(() -> f.integer("i"), "i is not an integer: 1.5");
        assertPoison(() -> f.integer("big"), "big is not an integer: 12345678901");
        assertThat(f.longNumber("big")).isEqualTo(12345678901L);
        assertPoison(() -> f.bool("b"), "b is not a boolean: \"true\"");
        assertPoison(() -> f.instant("t"), "t is not an instant: 'yesterday'");
        assertPoison(() -> f.texts("a"), "a is not an array: \"x\"");
        assertPoison(() -> f.uuid("u"), "u is not a UUID: '1-1-1-1-1'");
        assertPoison(() -> f.orgPath("p"), "p is not an org path: 'no/slash'");
        assertPoison(() -> f.positiveLong("neg"), "neg must be at least 1, is 0");
        assertPoison(() -> f.text("i"), "i is not a string: 1.5");
        assertPoison(() -> f.optionalText("i"), "i is not a string: 1.5");
        assertPoison(() -> f.object("s"), "s is not an object: \"x\"");
        assertThat(f.optionalText("n")).isEmpty();
    }

    @Test
    void anUnknownEnumValueIsPoisonForEnumValueAndEmptyForKnownEnum() {
        EventFields f = fields("{\"status\":\"ON_LEAVE\"}");
        assertPoison(() -> f.enumValue("status", Status.class), "status is not a known Status: 'ON_LEAVE'");
        assertThat(f.knownEnum("status", Status.class)).isEqualTo(Optional.empty());
        assertThat(fields("{\"status\":\"ABSENT\"}").knownEnum("status", Status.class))
                .contains(Status.ABSENT);
        assertPoison(() -> fields("{}").knownEnum("status", Status.class), "status is missing");
    }

    @Test
    void aRuleBrokenWhileBuildingTheValueIsPoisonNamingTheObject() {
        EventFields line = fields(MEETING).objects("attendance", a -> a).get(1);
        assertThatThrownBy(() -> line.valid(() -> {
                    throw new IllegalArgumentException("month 13");
                }))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("Event ev-1: attendance[1] is invalid: month 13");
    }

    @Test
    void dataThatIsNoObjectIsPoison() {
        assertThatThrownBy(() -> EventFields.root("ev-2", JSON.readTree("[1]")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("Event ev-2 data is not a JSON object");
        assertThatThrownBy(() -> EventFields.root("ev-2", JSON.readTree("null")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("Event ev-2 has no data");
    }

    @Test
    void anInboundEventReadsTheTreeTheContractCheckParsedAndParsesOnlyWithoutIt() {
        EventEnvelope envelope = new EventEnvelope(
                "ev-3",
                "/partycell/meeting-service",
                "meetings.meeting.closed",
                MEMBER,
                Instant.parse("2025-03-05T01:00:00Z"),
                null,
                "/hy/");
        JsonNode checked = JSON.readTree("{\"title\":\"from the tree\"}");
        byte[] raw = "{\"title\":\"from the bytes\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(new InboundEvent(envelope, raw, "t", 0, 0, JSON, checked)
                        .fields()
                        .text("title"))
                .isEqualTo("from the tree");
        assertThat(new InboundEvent(envelope, raw, "t", 0, 0, JSON).fields().text("title"))
                .isEqualTo("from the bytes");
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new InboundEvent(envelope, garbage, "t", 0, 0, JSON).fields())
                .isInstanceOf(PoisonEventException.class)
                .hasMessageStartingWith("Event ev-3 data is not JSON");
    }

    @Test
    void theContractCheckHandsBackTheTreeItValidated() throws Exception {
        JsonNode example;
        try (var in = getClass()
                .getClassLoader()
                .getResourceAsStream(
                        vn.partycell.contracts.EventContracts.schemaResource("meetings.meeting.closed", 1))) {
            example = JSON.readTree(in).get("examples").get(0);
        }
        EventEnvelope envelope = new EventEnvelope(
                "ev-4",
                "/partycell/meeting-service",
                "meetings.meeting.closed",
                MEMBER,
                Instant.parse("2025-03-05T01:00:00Z"),
                null,
                "/hy/");
        JsonNode checked =
                new InboundContract(JSON).check("meetings.meeting.v1", envelope, JSON.writeValueAsBytes(example));
        assertThat(checked).isEqualTo(example);
        EventEnvelope unknownType = new EventEnvelope(
                "ev-5",
                "/partycell/meeting-service",
                "meetings.meeting.postponed",
                MEMBER,
                Instant.parse("2025-03-05T01:00:00Z"),
                null,
                "/hy/");
        assertThat(new InboundContract(JSON).check("meetings.meeting.v1", unknownType, new byte[] {'{', '}'}))
                .isNull();
    }

    private static void assertPoison(Runnable read, String message) {
        assertThatThrownBy(read::run).isInstanceOf(PoisonEventException.class).hasMessage("Event ev-1: " + message);
    }
}
