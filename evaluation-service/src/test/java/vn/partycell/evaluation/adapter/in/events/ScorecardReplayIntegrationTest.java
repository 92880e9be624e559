package vn.partycell.evaluation.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;

/**
 * Replay (issue 4, item 4): the service's own consumer group is reset to the start of
 * meetings.meeting.v1, exactly as an operator would with {@code kafka-consumer-groups
 * --reset-offsets --to-earliest}, and the application's binding reads every record again through
 * the same handler. Over the current state nothing changes; after the read model is wiped, it is
 * rebuilt to the same documents, byte for byte.
 *
 * <p>A context of its own (its own broker and database), so that the topic holds exactly what this
 * test put there.
 */
@ServiceIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class ScorecardReplayIntegrationTest {

    static final String GROUP = MeetingEventConsumers.GROUP;
    static final String BINDING = MeetingEventConsumers.BINDING;
    static final List<String> READ_MODEL = List.of("scorecards", "cells", "cell_grades");

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    TestEvents events;
    Admin admin;

    @BeforeEach
    void setUp() {
        events = new TestEvents(broker.getBrokersAsString());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterEach
    void tearDown() {
        events.close();
        admin.close();
    }

    @Test
    void resettingTheConsumerGroupToTheStartRebuildsTheSameScorecards() throws Exception {
        int[] sent = sendAYearOfMeetings();
        int closedRecords = sent[0];
        int scheduledRecords = sent[1];
        awaitCaughtUp();
        Map<String, List<String>> live = readModel();
        assertThat(live.get("scorecards")).hasSize(7 + 1);
        assertThat(live.get("cells")).hasSize(2);
        assertThat(live.get("cell_grades")).isNotEmpty().allMatch(g -> g.contains("\"revision\": 2"));
        assertThat(live.get("scorecards")).anyMatch(s -> s.contains("amendmentId"));
        assertThat(live.get("cells").stream().filter(c -> c.contains("/hy/c/cb-y/")))
                .hasSize(1);

        // 1. Replay over the current state: every closed meeting is already applied.
        double applied = consumed("applied");
        double duplicates = consumed("duplicate");
        double ignored = consumed("ignored");
        rewindConsumerGroup(() -> {});
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicates + closedRecords));
        awaitCaughtUp();
        assertThat(consumed("applied")).isEqualTo(applied);
        assertThat(consumed("ignored")).isEqualTo(ignored + scheduledRecords);
        assertThat(readModel()).isEqualTo(live);

        // 2. Rebuild: wipe the read model, replay from offset 0 through the same binding and handler.
        rewindConsumerGroup(() -> READ_MODEL.forEach(c -> mongo.getCollection(c).deleteMany(new Document())));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(mongo.getCollection("scorecards").countDocuments())
                                .isEqualTo(live.get("scorecards").size()));
        awaitCaughtUp();
        assertThat(readModel()).isEqualTo(live);
    }

    /**
     * A year of two cells: monthly regular meetings, quarterly thematic ones, a member who moves from
     * one cell to the other in July, a cell whose org path changes in July, a meeting at 00:30 on
     * 1 January (local) that counts for the next year; sent out of order, with a redelivery, a
     * second event about one meeting, amendments and grades (with a correction), scheduled events
     * and a poison record among them.
     */
    private int[] sendAYearOfMeetings() {
        Random random = new Random(20250101L);
        UUID cellA = UUID.randomUUID();
        UUID cellB = UUID.randomUUID();
        String pathA = "/hy/a/cb-x/";
        List<UUID> inA = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> inB = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID mover = UUID.randomUUID();
        String[] statuses = {"PRESENT", "PRESENT", "PRESENT", "LATE", "EXCUSED", "ABSENT"};

        List<ClosedMeetingEvent> meetings = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            String pathB = month < 7 ? "/hy/b/cb-y/" : "/hy/c/cb-y/";
            ClosedMeetingEvent a = ClosedMeetingEvent.regular(cellA, pathA, "2025-%02d-04T01:00:00Z".formatted(month));
            ClosedMeetingEvent b = ClosedMeetingEvent.regular(cellB, pathB, "2025-%02d-06T08:00:00Z".formatted(month));
            for (UUID m : inA) {
                a.attend(m, statuses[random.nextInt(statuses.length)], random.nextBoolean());
            }
            for (UUID m : inB) {
                b.attend(m, statuses[random.nextInt(statuses.length)], random.nextBoolean());
            }
            (month < 7 ? a : b).attend(mover, statuses[random.nextInt(statuses.length)], random.nextBoolean());
            meetings.add(a);
            meetings.add(b);
            if (month % 3 == 0) {
                ClosedMeetingEvent thematic =
                        ClosedMeetingEvent.thematic(cellA, pathA, "2025-%02d-18T01:00:00Z".formatted(month));
                inA.forEach(m -> thematic.attend(m, statuses[random.nextInt(statuses.length)], false));
                meetings.add(thematic);
            }
        }
        // 17:30 UTC on 31 December 2025 is 00:30 on 1 January 2026 in Viet Nam.
        ClosedMeetingEvent newYear = ClosedMeetingEvent.regular(cellA, pathA, "2025-12-31T17:30:00Z")
                .attend(inA.getFirst(), "PRESENT", true);
        assertThat(newYear.year()).isEqualTo(2026);
        meetings.add(newYear);
        Collections.shuffle(meetings, random);

        int closed = 0;
        int scheduled = 0;
        for (int i = 0; i < meetings.size(); i++) {
            ClosedMeetingEvent m = meetings.get(i);
            if (i % 5 == 0) {
                m.sendScheduled(events);
                scheduled++;
            }
            String id = m.send(events);
            closed++;
            if (i % 4 == 1) {
                // An approved amendment of the first member's line, and the superior's grade corrected once.
                String status = m.statuses.getFirst();
                String corrected = status.equals("ABSENT") ? "EXCUSED" : "ABSENT";
                m.sendAmended(
                        events,
                        UUID.randomUUID(),
                        m.startsAt.plusSeconds(86_400),
                        ClosedMeetingEvent.correction(
                                m.members.getFirst(), status, m.spoke.getFirst(), corrected, false));
                m.sendGraded(events, 1, "GOOD");
                m.sendGraded(events, 2, "FAIR");
                closed += 3;
            }
            if (i == 3) {
                m.sendAgain(events, id);
                closed++;
                m.retitled("Biên bản sửa đổi").send(events);
                closed++;
                events.sendRaw(ClosedMeetingEvent.TOPIC, "poison-" + UUID.randomUUID(), "{not json");
            }
        }
        return new int[] {closed, scheduled};
    }

    private double consumed(String outcome) {
        var counter = meters.find("partycell.events.consumed")
                .tags("topic", ClosedMeetingEvent.TOPIC, "group", GROUP, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every document of the read model as extended JSON, by collection, in _id order. */
    private Map<String, List<String>> readModel() {
        return READ_MODEL.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        c -> mongo.getCollection(c)
                                .find()
                                .sort(new Document("_id", 1))
                                .map(ScorecardReplayIntegrationTest::withoutPendingEvents)
                                .map(Document::toJson)
                                .into(new ArrayList<>())));
    }

    /**
     * The read model without the relay's queue: whether an event the scorecard decided is still
     * waiting in its outbox or already published depends on when the snapshot is taken, not on
     * the replay.
     */
    private static Document withoutPendingEvents(Document document) {
        document.remove("outbox");
        document.remove("outboxSince");
        return document;
    }

    private List<TopicPartition> partitions() throws Exception {
        return admin
                .describeTopics(List.of(ClosedMeetingEvent.TOPIC))
                .allTopicNames()
                .get()
                .get(ClosedMeetingEvent.TOPIC)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(ClosedMeetingEvent.TOPIC, p.partition()))
                .toList();
    }

    /** The group has committed the end of every partition: everything on the topic is processed. */
    private void awaitCaughtUp() throws Exception {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            var ends = admin.listOffsets(latest).all().get();
            for (TopicPartition p : partitions) {
                long end = ends.get(p).offset();
                OffsetAndMetadata at = committed.get(p);
                assertThat(at == null ? 0 : at.offset()).as(p.toString()).isEqualTo(end);
            }
        });
    }

    /**
     * Stops the application's binding (its consumer leaves the group), runs {@code whileStopped},
     * moves the group's committed offsets to the start of every partition, and starts the binding
     * again: it goes on from offset 0.
     */
    private void rewindConsumerGroup(Runnable whileStopped) throws Exception {
        // The group also reads org-unit moves and tasks: every binding must leave it before its offsets move.
        bindings.changeState(BINDING, State.STOPPED);
        bindings.changeState(OrgUnitEventConsumers.BINDING, State.STOPPED);
        bindings.changeState(TaskEventConsumers.BINDING, State.STOPPED);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.describeConsumerGroups(List.of(GROUP))
                        .all()
                        .get()
                        .get(GROUP)
                        .members()
                        .isEmpty());
        whileStopped.run();
        Map<TopicPartition, OffsetSpec> earliest =
                partitions().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
        Map<TopicPartition, OffsetAndMetadata> start = admin.listOffsets(earliest).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> new OffsetAndMetadata(e.getValue().offset())));
        assertThat(start.values()).extracting(OffsetAndMetadata::offset).containsOnly(0L);
        admin.alterConsumerGroupOffsets(GROUP, start).all().get();
        bindings.changeState(BINDING, State.STARTED);
        bindings.changeState(OrgUnitEventConsumers.BINDING, State.STARTED);
        bindings.changeState(TaskEventConsumers.BINDING, State.STARTED);
    }
}
