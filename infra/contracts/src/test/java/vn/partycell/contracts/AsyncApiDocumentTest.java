package vn.partycell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The AsyncAPI 3 document agrees with the schemas and with the topology in the design. */
class AsyncApiDocumentTest {

    static final JsonNode DOC = Contracts.asyncApi();

    static final Pattern SERVICE_NAME = Pattern.compile("[a-z]+-service");

    static final Map<String, String> TOPIC_OF_TYPE = Map.ofEntries(
            Map.entry(EventContracts.ORG_UNIT_CREATED, "members.org-unit.v1"),
            Map.entry(EventContracts.ORG_UNIT_RENAMED, "members.org-unit.v1"),
            Map.entry(EventContracts.ORG_UNIT_MOVED, "members.org-unit.v1"),
            Map.entry(EventContracts.ORG_UNIT_DISSOLVED, "members.org-unit.v1"),
            Map.entry(EventContracts.ORG_UNIT_TERM_OPENED, "members.org-unit.v1"),
            Map.entry(EventContracts.ORG_UNIT_ROLE_ASSIGNED, "members.org-unit.v1"),
            Map.entry(EventContracts.ORG_UNIT_ROLE_ENDED, "members.org-unit.v1"),
            Map.entry(EventContracts.MEMBER_REGISTERED, "members.member.v1"),
            Map.entry(EventContracts.MEMBER_UPDATED, "members.member.v1"),
            Map.entry(EventContracts.MEMBER_DISCIPLINE_DECIDED, "members.member.v1"),
            Map.entry(EventContracts.MEETING_SCHEDULED, "meetings.meeting.v1"),
            Map.entry(EventContracts.MEETING_CLOSED, "meetings.meeting.v1"),
            Map.entry(EventContracts.DUES_RECORDED, "members.dues.v1"),
            Map.entry(EventContracts.ABSENCE_COUNTED, "evaluations.scorecard.v1"),
            Map.entry(EventContracts.SELF_CRITICISM_RECORDED, "meetings.self-criticism.v1"),
            Map.entry(EventContracts.MEETING_GRADED, "meetings.meeting.v1"),
            Map.entry(EventContracts.MEETING_RESCHEDULED, "meetings.meeting.v1"),
            Map.entry(EventContracts.MEETING_CANCELLED, "meetings.meeting.v1"),
            Map.entry(EventContracts.MEETING_EXCUSE_DECIDED, "meetings.meeting.v1"),
            Map.entry(EventContracts.MEETING_AMENDED, "meetings.meeting.v1"),
            Map.entry(EventContracts.CELL_MEETING_OVERDUE, "meetings.cell.v1"),
            Map.entry(EventContracts.CONGRESS_ELECTED, "meetings.congress.v1"),
            Map.entry(EventContracts.TASK_ASSIGNED, "meetings.task.v1"),
            Map.entry(EventContracts.TASK_REPORTED, "meetings.task.v1"),
            Map.entry(EventContracts.TASK_DONE_ON_TIME, "meetings.task.v1"),
            Map.entry(EventContracts.TASK_DONE_LATE, "meetings.task.v1"),
            Map.entry(EventContracts.TASK_OVERDUE, "meetings.task.v1"));

    @Test
    void isAnAsyncApi3DocumentWithTheTwoServers() {
        assertThat(DOC.path("asyncapi").stringValue()).isEqualTo("3.0.0");
        assertThat(DOC.at("/info/version").stringValue()).isEqualTo("1.0.0");
        assertThat(DOC.at("/info/title").stringValue()).isNotBlank();
        assertThat(DOC.at("/servers/local/host").stringValue()).isEqualTo("localhost:9092");
        assertThat(DOC.at("/servers/production/host").stringValue()).isEqualTo("kafka:9092");
        assertThat(DOC.at("/servers/local/protocol").stringValue()).isEqualTo("kafka");
        assertThat(DOC.at("/servers/production/protocol").stringValue()).isEqualTo("kafka");
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopicWithItsSchemaAsPayload() {
        Map<String, JsonNode> byName = messagesByName();
        assertThat(byName.keySet()).containsAll(EventContracts.EVENT_TYPES);

        for (String type : EventContracts.EVENT_TYPES) {
            JsonNode message = byName.get(type);
            assertThat(message.path("title").stringValue()).as(type).isNotBlank();
            assertThat(message.path("summary").stringValue()).as(type).isNotBlank();
            assertThat(message.path("contentType").stringValue()).as(type).isEqualTo("application/json");
            assertThat(message.at("/payload/schema/$ref").stringValue())
                    .as(type)
                    .isEqualTo("./events/" + type + ".v1.json");
            assertThat(message.at("/payload/schemaFormat").stringValue()).startsWith("application/schema+json");
            assertThat(message.at("/bindings/$ref").stringValue())
                    .isEqualTo("#/components/messageBindings/aggregateKey");

            String topic = TOPIC_OF_TYPE.get(type);
            assertThat(EventContracts.topic(type, 1)).isEqualTo(topic);
            JsonNode channel = DOC.path("channels").path(topic);
            assertThat(channel.path("address").stringValue()).isEqualTo(topic);
            assertThat(channelMessageRefs(channel)).as(topic).contains(componentRef(type));
        }
        assertThat(DOC.at("/components/messageBindings/aggregateKey/kafka/key/$ref")
                        .stringValue())
                .isEqualTo("#/components/schemas/aggregateKey");
        assertThat(DOC.at("/components/messageBindings/aggregateKey/kafka/bindingVersion")
                        .stringValue())
                .isNotBlank();
    }

    @Test
    void everyMessageDeclaresTheCloudEventsHeadersWithItsOwnTypeAndDataschema() {
        JsonNode headers = DOC.at("/components/schemas/cloudEventHeaders");
        assertThat(headers.path("required").values())
                .extracting(JsonNode::stringValue)
                .containsExactlyInAnyOrder(
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_subject",
                        "ce_time",
                        "ce_dataschema",
                        "ce_orgpath");
        assertThat(headers.path("properties").propertyNames()).contains("content-type");

        Map<String, JsonNode> byName = messagesByName();
        for (String type : EventContracts.EVENT_TYPES) {
            JsonNode allOf = byName.get(type).at("/headers/allOf");
            assertThat(allOf.get(0).path("$ref").stringValue()).isEqualTo("#/components/schemas/cloudEventHeaders");
            assertThat(allOf.get(1).at("/properties/ce_type/const").stringValue())
                    .isEqualTo(type);
            assertThat(allOf.get(1).at("/properties/ce_dataschema/const").stringValue())
                    .isEqualTo(EventContracts.schemaUri(type, 1));
            String service = EventContracts.TOPIC_PRODUCERS.get(TOPIC_OF_TYPE.get(type));
            assertThat(allOf.get(1).at("/properties/ce_source/const").stringValue())
                    .isEqualTo("/partycell/" + service);
        }
    }

    /** The parser of the AsyncAPI tooling does not check examples; this does, with both schemas. */
    @Test
    void messageExamplesValidateAgainstTheEventSchemasAndTheHeaderSchema() {
        Schema headerSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(DOC.at("/components/schemas/cloudEventHeaders"));
        Map<String, JsonNode> byName = messagesByName();
        int checked = 0;
        for (String type : EventContracts.EVENT_TYPES) {
            JsonNode examples = byName.get(type).path("examples");
            assertThat(examples.isEmpty()).as("%s has examples", type).isFalse();
            for (JsonNode example : examples) {
                JsonNode payload = example.path("payload");
                JsonNode headers = example.path("headers");
                assertThat(Contracts.validate(type, payload)).as(type).isEmpty();
                assertThat(headerSchema.validate(headers)).as(type).isEmpty();
                assertThat(headers.path("ce_type").stringValue()).isEqualTo(type);
                assertThat(headers.path("ce_dataschema").stringValue()).isEqualTo(EventContracts.schemaUri(type, 1));
                assertThat(headers.path("ce_orgpath").stringValue())
                        .isEqualTo(payload.path("orgPath").stringValue());
                String id =
                        payload.path(EventSchemaValidationTest.idField(type)).stringValue();
                assertThat(headers.path("ce_subject").stringValue()).isEqualTo(id);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(EventContracts.EVENT_TYPES.size());
    }

    /**
     * meeting-service publishes meetings.meeting.scheduled only when it creates a meeting (nothing
     * reschedules one), so the examples must not suggest a republished, later version.
     */
    @Test
    void aScheduledMeetingIsPublishedOnceSoEveryExampleCarriesTheFirstVersion() {
        List<JsonNode> payloads = new ArrayList<>();
        Contracts.schemaNode(EventContracts.MEETING_SCHEDULED).path("examples").forEach(payloads::add);
        messagesByName()
                .get(EventContracts.MEETING_SCHEDULED)
                .path("examples")
                .forEach(example -> payloads.add(example.path("payload")));
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(2);
        assertThat(payloads).extracting(p -> p.path("version").asLong()).containsOnly(1L);
        assertThat(Contracts.schemaNode(EventContracts.MEETING_SCHEDULED)
                        .path("description")
                        .stringValue())
                .contains("Published once")
                .doesNotContain("Published again");
    }

    @Test
    void theHeaderSchemaRejectsAnEnvelopeMissingItsOrgPathOrWithAWrongSpecVersion() {
        Schema headerSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(DOC.at("/components/schemas/cloudEventHeaders"));
        JsonNode good = messagesByName().get(EventContracts.MEMBER_REGISTERED).at("/examples/0/headers");

        var noOrgPath = good.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) noOrgPath).remove("ce_orgpath");
        assertThat(headerSchema.validate(noOrgPath))
                .singleElement()
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("ce_orgpath"));

        var wrongVersion = good.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) wrongVersion).put("ce_specversion", "0.3");
        assertThat(headerSchema.validate(wrongVersion))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("const"));
    }

    @Test
    void everyRefPointsToSomethingThatExists() {
        List<String> broken = new ArrayList<>();
        Set<String> files = new HashSet<>();
        Contracts.forEachRef(DOC, (at, ref) -> {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String fragment = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode target;
            if (file.isEmpty()) {
                target = DOC;
            } else {
                String resource = URI.create("contracts/").resolve(file).toString();
                if (!Contracts.exists(resource)) {
                    broken.add(at + " -> " + ref + " (no file " + resource + ")");
                    return;
                }
                files.add(resource);
                target = Contracts.readJson(resource);
            }
            if (!fragment.isEmpty() && target.at(fragment).isMissingNode()) {
                broken.add(at + " -> " + ref);
            }
        });
        assertThat(broken).isEmpty();
        List<String> schemaFiles = EventContracts.EVENT_TYPES.stream()
                .map(t -> EventContracts.schemaResource(t, 1))
                .toList();
        assertThat(files).containsExactlyInAnyOrderElementsOf(schemaFiles);
    }

    @Test
    void operationsFollowTheDesignedProducersAndConsumers() {
        Map<String, Set<String>> sends = new HashMap<>();
        Map<String, Set<String>> receives = new HashMap<>();
        for (Map.Entry<String, JsonNode> op : DOC.path("operations").properties()) {
            JsonNode operation = op.getValue();
            String channel = operation.at("/channel/$ref").stringValue().substring("#/channels/".length());
            JsonNode kafka = operation.at("/bindings/kafka");
            if ("send".equals(operation.path("action").stringValue())) {
                if (channel.equals("dead-letters")) {
                    continue;
                }
                String client = kafka.at("/clientId/const").stringValue();
                sends.computeIfAbsent(client, k -> new HashSet<>()).add(channel);
            } else {
                assertThat(operation.path("action").stringValue()).isEqualTo("receive");
                String group = kafka.at("/groupId/const").stringValue();
                receives.computeIfAbsent(group, k -> new HashSet<>()).add(channel);
            }
            for (JsonNode message : operation.path("messages")) {
                assertThat(message.path("$ref").stringValue())
                        .as(op.getKey())
                        .startsWith("#/channels/" + channel + "/messages/");
            }
        }

        assertThat(sends)
                .containsOnly(
                        Map.entry(
                                "member-service",
                                Set.of("members.org-unit.v1", "members.member.v1", "members.dues.v1")),
                        Map.entry(
                                "meeting-service",
                                Set.of(
                                        "meetings.meeting.v1",
                                        "meetings.self-criticism.v1",
                                        "meetings.cell.v1",
                                        "meetings.congress.v1",
                                        "meetings.task.v1")),
                        Map.entry("evaluation-service", Set.of("evaluations.scorecard.v1")));
        assertThat(receives)
                .containsOnly(
                        // member-service follows the congress elections with the cell's roles
                        Map.entry("member-service", Set.of("meetings.congress.v1")),
                        // meeting-service also reads its own closed meetings back (compliance read model)
                        Map.entry(
                                "meeting-service",
                                Set.of("members.org-unit.v1", "members.member.v1", "meetings.meeting.v1")),
                        // evaluation-service builds scorecards from closed meetings and task outcomes; of the tree
                        // it follows moves only
                        Map.entry(
                                "evaluation-service",
                                Set.of("meetings.meeting.v1", "members.org-unit.v1", "meetings.task.v1")),
                        // notification-service words absences from the scorecard's fact, not from closed meetings
                        Map.entry(
                                "notification-service",
                                Set.of(
                                        "meetings.meeting.v1",
                                        "members.member.v1",
                                        "evaluations.scorecard.v1",
                                        "meetings.cell.v1",
                                        "members.org-unit.v1",
                                        "meetings.task.v1")));
    }

    /** The prose a reader sees names exactly the consumer groups that have a receive operation. */
    @Test
    void eachChannelDescriptionNamesTheConsumersItsOperationsDeclare() {
        Map<String, Set<String>> declared = new HashMap<>();
        for (JsonNode operation : DOC.path("operations").values()) {
            if ("receive".equals(operation.path("action").stringValue())) {
                String channel = operation.at("/channel/$ref").stringValue().substring("#/channels/".length());
                declared.computeIfAbsent(channel, k -> new HashSet<>())
                        .add(operation.at("/bindings/kafka/groupId/const").stringValue());
            }
        }
        for (String topic : Set.copyOf(TOPIC_OF_TYPE.values())) {
            String description =
                    DOC.path("channels").path(topic).path("description").stringValue();
            String consumers = description.substring(description.indexOf("Consumers:"));
            Set<String> named = new HashSet<>();
            Matcher service = SERVICE_NAME.matcher(consumers);
            while (service.find()) {
                named.add(service.group());
            }
            assertThat(named).as(topic).isEqualTo(declared.getOrDefault(topic, Set.of()));
        }
    }

    @Test
    void channelsDescribeTheirProducersAndConsumersAndDeadLettersFollowTheNamingPattern() {
        for (String topic : Set.copyOf(TOPIC_OF_TYPE.values())) {
            String description =
                    DOC.path("channels").path(topic).path("description").stringValue();
            assertThat(description).as(topic).contains("Producer:").contains("Consumers:");
        }
        JsonNode dlt = DOC.at("/channels/dead-letters");
        assertThat(dlt.path("address").stringValue()).isEqualTo("{topic}.{group}.dlt");
        assertThat(dlt.at("/parameters/topic/enum").values())
                .extracting(JsonNode::stringValue)
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(TOPIC_OF_TYPE.values()));
        List<String> groups = dlt.at("/parameters/group/enum").values().stream()
                .map(JsonNode::stringValue)
                .toList();
        assertThat(groups)
                .containsExactlyInAnyOrder(
                        "meeting-service", "evaluation-service", "notification-service", "member-service");
        String address = dlt.path("address")
                .stringValue()
                .replace("{topic}", "members.member.v1")
                .replace("{group}", "meeting-service");
        assertThat(address)
                .isEqualTo(EventContracts.deadLetterTopic("members.member.v1", "meeting-service"))
                .isEqualTo("members.member.v1.meeting-service.dlt");
    }

    private static Map<String, JsonNode> messagesByName() {
        Map<String, JsonNode> byName = new HashMap<>();
        for (Map.Entry<String, JsonNode> m : DOC.at("/components/messages").properties()) {
            byName.put(m.getValue().path("name").stringValue(), m.getValue());
        }
        return byName;
    }

    private static String componentRef(String type) {
        for (Map.Entry<String, JsonNode> m : DOC.at("/components/messages").properties()) {
            if (type.equals(m.getValue().path("name").stringValue())) {
                return "#/components/messages/" + m.getKey();
            }
        }
        throw new AssertionError("No message named " + type);
    }

    private static List<String> channelMessageRefs(JsonNode channel) {
        return channel.path("messages").values().stream()
                .map(m -> m.path("$ref").stringValue())
                .toList();
    }
}
