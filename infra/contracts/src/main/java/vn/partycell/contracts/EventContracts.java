package vn.partycell.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the event contracts of this jar live: the JSON Schema of each event type (one per major
 * version) and the AsyncAPI document. No dependencies, so any module can use it to find the schema
 * that validates an event or to fill in the CloudEvents {@code dataschema} attribute.
 *
 * <p>A schema's {@code $id} is {@link #schemaUri(String, int)}; its classpath resource is {@link
 * #schemaResource(String, int)}. A validator that resolves {@code $ref}s by {@code $id} maps the
 * prefix {@link #SCHEMA_BASE_URI} to {@code classpath:} {@link #SCHEMA_RESOURCE_DIR}.
 */
public final class EventContracts {

    /** Base of every schema {@code $id}, with a trailing slash. */
    public static final String SCHEMA_BASE_URI = "https://schemas.partycell.vn/events/";

    /** Classpath directory of the schemas, with a trailing slash and no leading slash. */
    public static final String SCHEMA_RESOURCE_DIR = "contracts/events/";

    /** Classpath resource of the AsyncAPI 3 document describing every topic. */
    public static final String ASYNCAPI_RESOURCE = "contracts/asyncapi.yaml";

    /** Name (without version) of the document holding the definitions shared by the event schemas. */
    public static final String COMMON_SCHEMA = "common";

    public static final String ORG_UNIT_CREATED = "members.org-unit.created";
    public static final String ORG_UNIT_RENAMED = "members.org-unit.renamed";
    public static final String ORG_UNIT_MOVED = "members.org-unit.moved";
    public static final String ORG_UNIT_DISSOLVED = "members.org-unit.dissolved";
    public static final String ORG_UNIT_TERM_OPENED = "members.org-unit.term-opened";
    public static final String ORG_UNIT_ROLE_ASSIGNED = "members.org-unit.role-assigned";
    public static final String ORG_UNIT_ROLE_ENDED = "members.org-unit.role-ended";

    public static final String MEMBER_REGISTERED = "members.member.registered";
    public static final String MEMBER_UPDATED = "members.member.updated";
    public static final String MEMBER_DISCIPLINE_DECIDED = "members.member.discipline-decided";
    public static final String MEETING_SCHEDULED = "meetings.meeting.scheduled";
    public static final String MEETING_CLOSED = "meetings.meeting.closed";
    public static final String DUES_RECORDED = "members.dues.recorded";
    public static final String ABSENCE_COUNTED = "evaluations.scorecard.absence-counted";
    public static final String SELF_CRITICISM_RECORDED = "meetings.self-criticism.recorded";
    public static final String MEETING_GRADED = "meetings.meeting.graded";
    public static final String MEETING_RESCHEDULED = "meetings.meeting.rescheduled";
    public static final String MEETING_CANCELLED = "meetings.meeting.cancelled";
    public static final String MEETING_EXCUSE_DECIDED = "meetings.meeting.excuse-decided";
    public static final String MEETING_AMENDED = "meetings.meeting.amended";
    public static final String CELL_MEETING_OVERDUE = "meetings.cell.meeting-overdue";
    public static final String CONGRESS_ELECTED = "meetings.congress.elected";
    public static final String TASK_ASSIGNED = "meetings.task.assigned";
    public static final String TASK_REPORTED = "meetings.task.reported";
    public static final String TASK_DONE_ON_TIME = "meetings.task.done-on-time";
    public static final String TASK_DONE_LATE = "meetings.task.done-late";
    public static final String TASK_OVERDUE = "meetings.task.overdue";

    /** Every event type with a contract, in the order of the AsyncAPI document. */
    public static final List<String> EVENT_TYPES = List.of(
            ORG_UNIT_CREATED,
            ORG_UNIT_RENAMED,
            ORG_UNIT_MOVED,
            ORG_UNIT_DISSOLVED,
            ORG_UNIT_TERM_OPENED,
            ORG_UNIT_ROLE_ASSIGNED,
            ORG_UNIT_ROLE_ENDED,
            MEMBER_REGISTERED,
            MEMBER_UPDATED,
            MEETING_SCHEDULED,
            MEETING_CLOSED,
            DUES_RECORDED,
            ABSENCE_COUNTED,
            MEMBER_DISCIPLINE_DECIDED,
            SELF_CRITICISM_RECORDED,
            MEETING_GRADED,
            MEETING_RESCHEDULED,
            MEETING_CANCELLED,
            MEETING_EXCUSE_DECIDED,
            MEETING_AMENDED,
            CELL_MEETING_OVERDUE,
            CONGRESS_ELECTED,
            TASK_ASSIGNED,
            TASK_REPORTED,
            TASK_DONE_ON_TIME,
            TASK_DONE_LATE,
            TASK_OVERDUE);

    /** Prefix of every producer's CloudEvents {@code source}: {@code /partycell/<spring.application.name>}. */
    public static final String SOURCE_PREFIX = "/partycell/";

    /**
     * The one service that publishes on each topic (by its {@code spring.application.name}); a
     * consumer accepts a record only when its {@code ce_source} is {@link #producerSource(String)}.
     */
    public static final Map<String, String> TOPIC_PRODUCERS = Map.of(
            "members.org-unit.v1", "member-service",
            "members.member.v1", "member-service",
            "meetings.meeting.v1", "meeting-service",
            "members.dues.v1", "member-service",
            "evaluations.scorecard.v1", "evaluation-service",
            "meetings.self-criticism.v1", "meeting-service",
            "meetings.cell.v1", "meeting-service",
            "meetings.congress.v1", "meeting-service",
            "meetings.task.v1", "meeting-service");

    /** The major version every current event type is published in. */
    public static final int CURRENT_MAJOR = 1;

    /** {@code <context>.<aggregate>.<past-tense-verb>}, lowercase, the aggregate may hold hyphens. */
    private static final Pattern TYPE = Pattern.compile("[a-z]+\\.[a-z][a-z-]*\\.[a-z][a-z-]*");

    private EventContracts() {}

    /** Whether this jar has a contract for the event type. */
    public static boolean isKnownType(String type) {
        return type != null && EVENT_TYPES.contains(type);
    }

    /**
     * Classpath resource of the JSON Schema of an event type in a major version, for example {@code
     * contracts/events/members.member.registered.v1.json}. The type is checked for its form only;
     * whether the resource exists is for the caller to find out.
     */
    public static String schemaResource(String type, int major) {
        return SCHEMA_RESOURCE_DIR + fileName(type, major);
    }

    /**
     * {@code $id} of the JSON Schema of an event type in a major version, for example {@code
     * https://schemas.partycell.vn/events/members.member.registered.v1.json}; also the CloudEvents
     * {@code dataschema} ({@code ce_dataschema} header) of such an event.
     */
    public static String schemaUri(String type, int major) {
        return SCHEMA_BASE_URI + fileName(type, major);
    }

    /** Classpath resource of the shared definitions ({@code common.v1.json}). */
    public static String commonSchemaResource(int major) {
        return SCHEMA_RESOURCE_DIR + COMMON_SCHEMA + ".v" + requireMajor(major) + ".json";
    }

    /** {@code $id} of the shared definitions ({@code https://schemas.partycell.vn/events/common.v1.json}). */
    public static String commonSchemaUri(int major) {
        return SCHEMA_BASE_URI + COMMON_SCHEMA + ".v" + requireMajor(major) + ".json";
    }

    /**
     * Kafka topic of an event type in a major version: {@code <context>.<aggregate>.v<major>}, for
     * example {@code members.member.v1} for {@code members.member.registered}.
     */
    public static String topic(String type, int major) {
        requireType(type);
        return type.substring(0, type.lastIndexOf('.')) + ".v" + requireMajor(major);
    }

    /**
     * The CloudEvents {@code source} of the service that produces a topic, for example {@code
     * /partycell/member-service} for {@code members.member.v1}; empty for a topic without a contract.
     */
    public static Optional<String> producerSource(String topic) {
        return Optional.ofNullable(topic == null ? null : TOPIC_PRODUCERS.get(topic))
                .map(service -> SOURCE_PREFIX + service);
    }

    /** The major version of a topic named {@code <context>.<aggregate>.v<major>}, or empty. */
    public static Optional<Integer> majorOf(String topic) {
        int at = topic == null ? -1 : topic.lastIndexOf(".v");
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(requireMajor(Integer.parseInt(topic.substring(at + 2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Dead-letter topic of a consumer group on a topic: {@code <topic>.<group>.dlt}. */
    public static String deadLetterTopic(String topic, String group) {
        if (topic == null || topic.isBlank() || group == null || group.isBlank()) {
            throw new IllegalArgumentException("topic and group must not be blank");
        }
        return topic + "." + group + ".dlt";
    }

    private static String fileName(String type, int major) {
        return requireType(type) + ".v" + requireMajor(major) + ".json";
    }

    private static String requireType(String type) {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "Not an event type of the form <context>.<aggregate>.<verb>: '" + type + "'");
        }
        return type;
    }

    private static int requireMajor(int major) {
        if (major < 1) {
            throw new IllegalArgumentException("Major version must be at least 1, was " + major);
        }
        return major;
    }
}
