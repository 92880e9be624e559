package vn.partycell.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partycell.contracts.Contracts.example;
import static vn.partycell.contracts.Contracts.validate;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid payloads pass each event schema and invalid ones fail for the reason they are invalid. */
class EventSchemaValidationTest {

    static final List<String> TYPES = EventContracts.EVENT_TYPES;

    /** The field of each event type that holds the aggregate id (the Kafka key). */
    static String idField(String type) {
        return switch (type) {
            case EventContracts.ORG_UNIT_CREATED,
                    EventContracts.ORG_UNIT_RENAMED,
                    EventContracts.ORG_UNIT_MOVED,
                    EventContracts.ORG_UNIT_DISSOLVED,
                    EventContracts.ORG_UNIT_TERM_OPENED,
                    EventContracts.ORG_UNIT_ROLE_ASSIGNED,
                    EventContracts.ORG_UNIT_ROLE_ENDED -> "orgUnitId";
            case EventContracts.MEMBER_REGISTERED,
                    EventContracts.MEMBER_UPDATED,
                    EventContracts.DUES_RECORDED,
                    EventContracts.MEMBER_DISCIPLINE_DECIDED -> "memberId";
            case EventContracts.MEETING_SCHEDULED,
                    EventContracts.MEETING_CLOSED,
                    EventContracts.MEETING_GRADED,
                    EventContracts.MEETING_RESCHEDULED,
                    EventContracts.MEETING_CANCELLED,
                    EventContracts.MEETING_EXCUSE_DECIDED,
                    EventContracts.MEETING_AMENDED -> "meetingId";
            case EventContracts.SELF_CRITICISM_RECORDED -> "cellId";
            case EventContracts.ABSENCE_COUNTED -> "memberId";
            case EventContracts.CELL_MEETING_OVERDUE, EventContracts.CONGRESS_ELECTED -> "cellId";
            case EventContracts.TASK_ASSIGNED,
                    EventContracts.TASK_REPORTED,
                    EventContracts.TASK_DONE_ON_TIME,
                    EventContracts.TASK_DONE_LATE,
                    EventContracts.TASK_OVERDUE -> "taskId";
            default -> throw new IllegalArgumentException(type);
        };
    }

    static Stream<Arguments> everyExample() {
        return TYPES.stream().flatMap(type -> {
            List<Arguments> args = new ArrayList<>();
            JsonNode examples = Contracts.schemaNode(type).path("examples");
            for (int i = 0; i < examples.size(); i++) {
                args.add(Arguments.of(type, i, examples.get(i)));
            }
            return args.stream();
        });
    }

    @ParameterizedTest(name = "{0} example {1} is valid")
    @MethodSource("everyExample")
    void examplesInEverySchemaAreValid(String type, int index, JsonNode example) {
        assertThat(validate(type, example)).isEmpty();
    }

    static Stream<Arguments> everyRequiredField() {
        return TYPES.stream()
                .flatMap(type -> Contracts.schemaNode(type).path("required").values().stream()
                        .map(field -> Arguments.of(type, field.stringValue())));
    }

    @ParameterizedTest(name = "{0} without {1} is rejected")
    @MethodSource("everyRequiredField")
    void missingRequiredFieldIsRejected(String type, String field) {
        ObjectNode payload = example(type);
        assertThat(payload.has(field)).as("the example has %s", field).isTrue();
        payload.remove(field);

        List<Error> errors = validate(type, payload);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getKeyword()).isEqualTo("required");
            assertThat(e.getProperty()).isEqualTo(field);
        });
    }

    @Test
    void everyFieldTheBriefListsIsRequiredExceptTheOptionalOnes() {
        assertThat(required(EventContracts.ORG_UNIT_CREATED))
                .containsExactlyInAnyOrder("orgUnitId", "code", "name", "kind", "parentId", "orgPath", "version");
        assertThat(required(EventContracts.MEMBER_REGISTERED))
                .containsExactlyInAnyOrder(
                        "memberId",
                        "fullName",
                        "gender",
                        "dateOfBirth",
                        "cellId",
                        "orgPath",
                        "status",
                        "exempted",
                        "joinedOn",
                        "version")
                .doesNotContain("email", "partyGroupId");
        assertThat(required(EventContracts.MEETING_CLOSED))
                .contains("attendance", "quorum", "year", "month", "closedAt", "startsAt");
        assertThat(required(EventContracts.MEMBER_UPDATED)).isEqualTo(required(EventContracts.MEMBER_REGISTERED));
        assertThat(required(EventContracts.ABSENCE_COUNTED))
                .containsExactlyInAnyOrder(
                        "memberId",
                        "year",
                        "cellId",
                        "orgPath",
                        "meeting",
                        "unexcusedAbsenceMonths",
                        "warningMonths",
                        "reviewMonths",
                        "removalReview",
                        "version");
    }

    @ParameterizedTest(name = "{0} accepts fields it does not know")
    @FieldSource("TYPES")
    void additionalFieldsAreAcceptedSoThatAddingOneStaysCompatible(String type) {
        ObjectNode payload = example(type);
        payload.put("addedInALaterMinorVersion", "giá trị mới");
        payload.putObject("nested").put("anything", 1);

        assertThat(validate(type, payload)).isEmpty();
    }

    @Test
    void additionalFieldsInsideNestedObjectsAreAcceptedToo() {
        ObjectNode payload = example(EventContracts.MEETING_CLOSED);
        ((ObjectNode) payload.path("attendance").get(0)).put("selfCriticised", true);
        ((ObjectNode) payload.path("quorum")).put("fullMembers", 3);

        assertThat(validate(EventContracts.MEETING_CLOSED, payload)).isEmpty();
    }

    static Stream<Arguments> wrongEnumValues() {
        return Stream.of(
                Arguments.of(EventContracts.ORG_UNIT_CREATED, "/kind", "SUBCELL"),
                Arguments.of(EventContracts.ORG_UNIT_CREATED, "/kind", "cell"),
                Arguments.of(EventContracts.MEMBER_REGISTERED, "/gender", "OTHER"),
                Arguments.of(EventContracts.MEMBER_REGISTERED, "/status", "ACTIVE"),
                Arguments.of(EventContracts.MEMBER_UPDATED, "/status", "full"),
                Arguments.of(EventContracts.MEETING_SCHEDULED, "/kind", "WEEKLY"),
                Arguments.of(EventContracts.MEETING_CLOSED, "/kind", "ANNUAL"),
                Arguments.of(EventContracts.MEETING_CLOSED, "/attendance/1/status", "EXCUSED_LATE"));
    }

    @ParameterizedTest(name = "{0} {1} = {2} is rejected")
    @MethodSource("wrongEnumValues")
    void valueOutsideAnEnumIsRejected(String type, String pointer, String value) {
        ObjectNode payload = example(type);
        set(payload, pointer, value);

        assertThat(validate(type, payload))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("enum"))
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo(pointer));
    }

    @ParameterizedTest(name = "{0} with a malformed id")
    @FieldSource("TYPES")
    void malformedAggregateIdIsRejected(String type) {
        String field = "/" + idField(type);
        for (String bad :
                List.of("not-a-uuid", "3F0C6F7E-2B1A-4D35-9A57-0D1E8C2B7A41", "3f0c6f7e2b1a4d359a570d1e8c2b7a41", "")) {
            ObjectNode payload = example(type);
            set(payload, field, bad);

            assertThat(validate(type, payload))
                    .as("id '%s'", bad)
                    .isNotEmpty()
                    .allSatisfy(
                            e -> assertThat(e.getInstanceLocation().toString()).isEqualTo(field))
                    .extracting(Error::getKeyword)
                    .containsAnyOf("format", "pattern");
        }
    }

    @Test
    void nullableIdsAcceptNullButNotGarbageAndOtherIdsRejectNull() {
        ObjectNode root = example(EventContracts.ORG_UNIT_CREATED);
        root.putNull("parentId");
        assertThat(validate(EventContracts.ORG_UNIT_CREATED, root)).isEmpty();
        root.put("parentId", "cha");
        assertThat(validate(EventContracts.ORG_UNIT_CREATED, root))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/parentId"));

        ObjectNode member = example(EventContracts.MEMBER_REGISTERED);
        member.putNull("cellId");
        assertThat(validate(EventContracts.MEMBER_REGISTERED, member))
                .extracting(Error::getKeyword)
                .containsExactly("type");
    }

    @ParameterizedTest(name = "{0}: email and partyGroupId may be absent or null")
    @ValueSource(strings = {EventContracts.MEMBER_REGISTERED, EventContracts.MEMBER_UPDATED})
    void memberEmailAndPartyGroupAreOptionalAndNullable(String type) {
        ObjectNode absent = example(type);
        absent.remove(List.of("email", "partyGroupId"));
        assertThat(validate(type, absent)).isEmpty();

        ObjectNode nulls = example(type);
        nulls.putNull("email");
        nulls.putNull("partyGroupId");
        assertThat(validate(type, nulls)).isEmpty();

        ObjectNode wrongType = example(type);
        wrongType.put("email", 42);
        assertThat(validate(type, wrongType))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("type"));
    }

    static final List<String> ORG_UNIT_TYPES =
            TYPES.stream().filter(t -> t.startsWith("members.org-unit.")).toList();

    /** Added to every org-unit event after v1 was published: optional, so older events stay valid. */
    @ParameterizedTest(name = "{0}: establishedOn is an optional date")
    @FieldSource("ORG_UNIT_TYPES")
    void anOrgUnitsFoundingDateIsOptionalButMustBeADate(String type) {
        assertThat(ORG_UNIT_TYPES).hasSize(7);
        assertThat(required(type)).doesNotContain("establishedOn");
        ObjectNode with = example(type);
        assertThat(with.path("establishedOn").stringValue()).isEqualTo("2015-07-01");
        assertThat(validate(type, with)).isEmpty();

        ObjectNode without = example(type);
        without.remove("establishedOn");
        assertThat(validate(type, without)).isEmpty();

        for (String bad : List.of("01/07/2015", "2015-13-01", "2015-07-01T00:00:00Z")) {
            ObjectNode payload = example(type);
            payload.put("establishedOn", bad);
            assertThat(validate(type, payload))
                    .as(bad)
                    .isNotEmpty()
                    .allSatisfy(
                            e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/establishedOn"));
        }
    }

    @ParameterizedTest(name = "org path ''{0}'' is rejected")
    @ValueSource(
            strings = {
                "",
                "/",
                "hy/",
                "/hy",
                "/hy/du-khoi-ccq",
                "/HY/",
                "/hy//cb/",
                "/hy/-cb/",
                "/hy/chi_bo/",
                "/hy/cb so tu phap/",
                "/hy/chi-bo-có-dấu/",
                "/hy/a23456789012345678901234567890123/"
            })
    void malformedOrgPathIsRejectedByEverySchema(String orgPath) {
        for (String type : TYPES) {
            ObjectNode payload = example(type);
            payload.put("orgPath", orgPath);

            assertThat(validate(type, payload))
                    .as(type)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("pattern"))
                    .satisfies(
                            e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/orgPath"));
        }
    }

    @ParameterizedTest(name = "org path ''{0}'' is accepted")
    @ValueSource(strings = {"/hy/", "/hy/du-khoi-ccq/cb-so-tu-phap/", "/0/", "/a2345678901234567890123456789012/x/"})
    void wellFormedOrgPathIsAccepted(String orgPath) {
        ObjectNode payload = example(EventContracts.MEMBER_UPDATED);
        payload.put("orgPath", orgPath);

        assertThat(validate(EventContracts.MEMBER_UPDATED, payload)).isEmpty();
    }

    @Test
    void orgUnitCodeFollowsTheCodePattern() {
        for (String bad : List.of("", "Hy", "-hy", "hy/", "a23456789012345678901234567890123")) {
            ObjectNode payload = example(EventContracts.ORG_UNIT_CREATED);
            payload.put("code", bad);
            assertThat(validate(EventContracts.ORG_UNIT_CREATED, payload))
                    .as("code '%s'", bad)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("pattern"));
        }
    }

    static Stream<Arguments> badDatesAndInstants() {
        return Stream.of(
                Arguments.of(EventContracts.MEMBER_REGISTERED, "/dateOfBirth", "1985-02-30", Set.of("format")),
                Arguments.of(
                        EventContracts.MEMBER_REGISTERED, "/dateOfBirth", "12/04/1985", Set.of("format", "pattern")),
                Arguments.of(
                        EventContracts.MEMBER_UPDATED,
                        "/joinedOn",
                        "2024-09-02T00:00:00Z",
                        Set.of("format", "pattern")),
                Arguments.of(
                        EventContracts.MEETING_SCHEDULED, "/startsAt", "2025-03-05T08:00:00+07:00", Set.of("pattern")),
                Arguments.of(
                        EventContracts.MEETING_SCHEDULED, "/startsAt", "2025-03-05 01:00", Set.of("format", "pattern")),
                Arguments.of(EventContracts.MEETING_CLOSED, "/closedAt", "2025-13-05T03:30:00Z", Set.of("format")));
    }

    @ParameterizedTest(name = "{0} {1} = {2} is rejected")
    @MethodSource("badDatesAndInstants")
    void malformedDatesAndInstantsAreRejected(String type, String pointer, String value, Set<String> keywords) {
        ObjectNode payload = example(type);
        set(payload, pointer, value);

        List<Error> errors = validate(type, payload);

        assertThat(errors)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo(pointer));
        assertThat(errors).extracting(Error::getKeyword).containsExactlyInAnyOrderElementsOf(keywords);
    }

    @Test
    void rangesOfNumbersAndLengthsAreEnforced() {
        assertRejected(EventContracts.MEETING_CLOSED, "/month", 13, "maximum");
        assertRejected(EventContracts.MEETING_CLOSED, "/month", 0, "minimum");
        assertRejected(EventContracts.MEETING_CLOSED, "/quorum/present", -1, "minimum");
        assertRejected(EventContracts.MEETING_SCHEDULED, "/version", 0, "minimum");
        assertRejected(EventContracts.ORG_UNIT_CREATED, "/version", 1.5, "type");
        // A version implausibly far ahead would freeze a "newer version wins" read model for good.
        for (String type : EventContracts.EVENT_TYPES) {
            assertRejected(type, "/version", Long.MAX_VALUE, "maximum");
            assertRejected(type, "/version", 1_000_000_001L, "maximum");
        }
        assertRejected(EventContracts.MEMBER_REGISTERED, "/fullName", "", "minLength");
        assertRejected(EventContracts.MEMBER_REGISTERED, "/fullName", "Nguyễn".repeat(34), "maxLength");
        assertRejected(EventContracts.ORG_UNIT_CREATED, "/name", "x".repeat(201), "maxLength");
        assertRejected(EventContracts.MEMBER_UPDATED, "/exempted", "false", "type");
        assertRejected(EventContracts.ABSENCE_COUNTED, "/meeting/month", 13, "maximum");
        assertRejected(EventContracts.ABSENCE_COUNTED, "/reviewMonths", 0, "minimum");
        assertRejected(EventContracts.ABSENCE_COUNTED, "/warningMonths", 13, "maximum");
        assertRejected(EventContracts.ABSENCE_COUNTED, "/removalReview", "DISMISSED", "enum");
    }

    @Test
    void absenceMonthsAreDistinctMonthsOfTheYear() {
        ObjectNode repeated = example(EventContracts.ABSENCE_COUNTED);
        ((ArrayNode) repeated.path("unexcusedAbsenceMonths")).add(3);
        assertThat(validate(EventContracts.ABSENCE_COUNTED, repeated))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("uniqueItems"));
        ObjectNode outOfYear = example(EventContracts.ABSENCE_COUNTED);
        ((ArrayNode) outOfYear.path("unexcusedAbsenceMonths")).add(13);
        assertThat(validate(EventContracts.ABSENCE_COUNTED, outOfYear))
                .singleElement()
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/unexcusedAbsenceMonths/2"));
        ObjectNode none = example(EventContracts.ABSENCE_COUNTED);
        none.putArray("unexcusedAbsenceMonths");
        assertThat(validate(EventContracts.ABSENCE_COUNTED, none))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("minItems"));
    }

    @Test
    void attendanceEntriesAreCheckedOneByOne() {
        ObjectNode payload = example(EventContracts.MEETING_CLOSED);
        ArrayNode attendance = (ArrayNode) payload.path("attendance");
        ((ObjectNode) attendance.get(0)).remove("spoke");
        ((ObjectNode) attendance.get(2)).put("memberId", "ai-đó");
        ((ObjectNode) attendance.get(1)).remove("reason");

        List<Error> errors = validate(EventContracts.MEETING_CLOSED, payload);

        assertThat(errors)
                .extracting(e -> e.getInstanceLocation() + " " + e.getKeyword())
                .containsExactlyInAnyOrder(
                        "/attendance/0 required", "/attendance/2/memberId pattern", "/attendance/2/memberId format");
    }

    @Test
    void scheduledAgendaIsAListOfNonEmptyTexts() {
        ObjectNode empty = example(EventContracts.MEETING_SCHEDULED);
        empty.putArray("agenda");
        assertThat(validate(EventContracts.MEETING_SCHEDULED, empty)).isEmpty();

        ObjectNode blankItem = example(EventContracts.MEETING_SCHEDULED);
        ((ArrayNode) blankItem.path("agenda")).add("");
        assertThat(validate(EventContracts.MEETING_SCHEDULED, blankItem))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("minLength"));

        ObjectNode notAList = example(EventContracts.MEETING_SCHEDULED);
        notAList.put("agenda", "Triển khai nhiệm vụ tháng 3");
        assertThat(validate(EventContracts.MEETING_SCHEDULED, notAList))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("type"));
    }

    @Test
    void duesMonthsAreOneToTwelveEachOnceAndAmountsArePositive() {
        String type = EventContracts.DUES_RECORDED;
        assertThat(required(type))
                .containsExactlyInAnyOrder("memberId", "cellId", "orgPath", "year", "monthsPaid", "version")
                .doesNotContain("payments", "totalAmount");

        ObjectNode twice = example(type);
        ((ArrayNode) twice.path("monthsPaid")).add(4);
        assertThat(validate(type, twice))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("uniqueItems"));

        ObjectNode thirteenth = example(type);
        ((ArrayNode) thirteenth.path("monthsPaid")).add(13);
        assertThat(validate(type, thirteenth))
                .singleElement()
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/monthsPaid/3"))
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("maximum"));

        assertRejected(type, "/payments/0/amount", 0, "minimum");
        assertRejected(type, "/payments/1/month", 0, "minimum");
        assertRejected(type, "/payments/2/paidOn", "2025-04-31", "format");
        assertRejected(type, "/year", 1929, "minimum");
    }

    private static void assertRejected(String type, String pointer, Object value, String keyword) {
        ObjectNode payload = example(type);
        set(payload, pointer, value);
        assertThat(validate(type, payload))
                .as("%s %s = %s", type, pointer, value)
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo(keyword))
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo(pointer));
    }

    /** Sets the value at a JSON pointer whose parent exists. */
    private static void set(ObjectNode root, String pointer, Object value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        ObjectNode target = (ObjectNode) parent;
        String field = pointer.substring(slash + 1);
        switch (value) {
            case String s -> target.put(field, s);
            case Integer i -> target.put(field, i);
            case Long l -> target.put(field, l);
            case Double d -> target.put(field, d);
            default -> throw new IllegalArgumentException(String.valueOf(value));
        }
    }

    private static List<String> required(String type) {
        return Contracts.schemaNode(type).path("required").values().stream()
                .map(JsonNode::stringValue)
                .toList();
    }
}
