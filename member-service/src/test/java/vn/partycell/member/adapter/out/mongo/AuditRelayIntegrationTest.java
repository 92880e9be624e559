package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.test.ServiceIntegrationTest;

/**
 * The audit line travels in the same document write as the state, and the drain into the log is
 * idempotent: a crash after the write, or between storing a line and removing it from its document,
 * replays into exactly one line.
 */
@ServiceIntegrationTest
class AuditRelayIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditRelay relay;

    @Autowired
    MongoAuditLog log;

    @Autowired
    OutboxStore outbox;

    @Autowired
    OutboxEventMapper<MemberEvent> events;

    /** A record of any kind: the writer reads documents, not domain types. */
    record Sample(String id, String orgPath, String name, long version) {}

    /** The scheduled sweep leaves a line its writer is draining right now alone; an old one it takes. */
    @Test
    void theScheduledSweepTakesOnlyLinesOlderThanItsGrace() {
        String collection = "audit_grace_" + System.nanoTime();
        AuditRelay crashing = new AuditRelay(mongo, log, java.time.Duration.ofDays(1)) {
            @Override
            public void drain(String c, Object id) {
                // Still in flight: its writer has not drained it yet.
            }
        };
        AuditedWriter<MemberEvent> writer = new AuditedWriter<>(mongo, outbox, collection, "sample", events, crashing);
        String id = UUID.randomUUID().toString();
        writer.insert(new Sample(id, "/hy/", "Chi bộ 1", 1), Change.silent(new Sample(id, "/hy/", "Chi bộ 1", 1)));

        relay.sweep(java.time.Duration.ofMinutes(1));
        assertThat(log.ofRecord(id, List.of(OrgPath.ROOT), PageQuery.of(0, 10)).totalElements())
                .as("a line younger than the grace is its writer's to drain")
                .isZero();

        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(2));
        new AuditRelay(mongo, log, java.time.Duration.ofDays(1), java.time.Duration.ofMinutes(1), later)
                .sweep(java.time.Duration.ofMinutes(1));
        assertThat(log.ofRecord(id, List.of(OrgPath.ROOT), PageQuery.of(0, 10)).totalElements())
                .isEqualTo(1);
    }

    @Test
    void aCrashRightAfterTheWriteLeavesTheLineInTheDocumentForTheSweep() {
        String collection = "audit_crash_" + System.nanoTime();
        AuditRelay crashing = new AuditRelay(mongo, log, java.time.Duration.ofDays(1)) {
            @Override
            public void drain(String c, Object id) {
                // The process dies after the write, before the drain.
            }
        };
        AuditedWriter<MemberEvent> writer = new AuditedWriter<>(mongo, outbox, collection, "sample", events, crashing);
        String id = UUID.randomUUID().toString();
        writer.insert(new Sample(id, "/hy/", "Chi bộ 1", 1), Change.silent(new Sample(id, "/hy/", "Chi bộ 1", 1)));
        writer.update(new Sample(id, "/hy/", "Chi bộ 2", 2), Change.silent(new Sample(id, "/hy/", "Chi bộ 2", 2)), 1);

        Document stored =
                mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(stored.getString("name")).isEqualTo("Chi bộ 2");
        assertThat(stored.getList(AuditedWriter.PENDING, Document.class))
                .as("both lines wait in the record's own document")
                .hasSize(2);
        assertThat(log.ofRecord(id, List.of(OrgPath.ROOT), PageQuery.of(0, 10)).totalElements())
                .isZero();

        relay.sweep();

        var lines = log.ofRecord(id, List.of(OrgPath.ROOT), PageQuery.of(0, 10));
        assertThat(lines.totalElements()).isEqualTo(2);
        assertThat(lines.content().getFirst().changes())
                .extracting(c -> c.field() + ":" + c.from() + "→" + c.to())
                .containsExactly("name:Chi bộ 1→Chi bộ 2");
        Document drained =
                mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(drained.containsKey(AuditedWriter.PENDING)).isFalse();
        assertThat(mongo.getCollection(AuditRelay.MARKERS).countDocuments(Filters.eq("recordId", id)))
                .as("the markers went with the lines")
                .isZero();
    }

    @Test
    void aCrashBetweenStoringALineAndRemovingItReplaysWithoutADuplicate() {
        String collection = "audit_replay_" + System.nanoTime();
        String recordId = UUID.randomUUID().toString();
        Document entry = log.newEntry("sample", recordId, "/hy/", "created", List.of());
        mongo.getCollection(collection)
                .insertOne(new Document("_id", recordId)
                        .append(AuditedWriter.PENDING, List.of(entry))
                        .append(AuditedWriter.SINCE, entry.getDate("at")));
        // The first drain stored the line, then the process died before removing it from the document.
        log.store(entry);

        relay.drain(collection, recordId);
        relay.sweep();
        log.store(entry);

        assertThat(mongo.getCollection(MongoAuditLog.ENTRIES).countDocuments(Filters.eq("_id", entry.getString("_id"))))
                .isEqualTo(1);
        String month = YearMonth.from(entry.getDate("at").toInstant().atOffset(ZoneOffset.UTC))
                .toString();
        for (String key : List.of("record:" + recordId, "user:system")) {
            Document bucket = mongo.getCollection(MongoAuditLog.INDEX)
                    .find(Filters.eq("_id", key + "|" + month))
                    .first();
            assertThat(bucket.getList("refs", Document.class))
                    .filteredOn(r -> r.getString("id").equals(entry.getString("_id")))
                    .as(key)
                    .hasSize(1);
        }
        assertThat(log.ofRecord(recordId, List.of(OrgPath.ROOT), PageQuery.of(0, 10))
                        .totalElements())
                .isEqualTo(1);
        Document drained = mongo.getCollection(collection)
                .find(Filters.eq("_id", recordId))
                .first();
        assertThat(drained.containsKey(AuditedWriter.PENDING)).isFalse();
    }

    @Test
    void theSweepFindsCrashedLinesByTheirMarkersAndDropsTheMarkersOfWritesThatNeverHappened() {
        String collection = "audit_markers_" + System.nanoTime();
        AuditRelay crashing = new AuditRelay(mongo, log, java.time.Duration.ofDays(1)) {
            @Override
            public void drain(String c, Object id) {}
        };
        AuditedWriter<MemberEvent> writer = new AuditedWriter<>(mongo, outbox, collection, "sample", events, crashing);
        String crashed = UUID.randomUUID().toString();
        writer.insert(
                new Sample(crashed, "/hy/", "Chi bộ 1", 1), Change.silent(new Sample(crashed, "/hy/", "Chi bộ 1", 1)));
        // A refused write (a duplicate id) leaves no marker behind.
        assertThatThrownBy(() -> writer.insert(
                        new Sample(crashed, "/hy/", "Chi bộ 9", 1),
                        Change.silent(new Sample(crashed, "/hy/", "Chi bộ 9", 1))))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(markersOf(crashed)).isEqualTo(1);
        // A document with a pending line but no marker: the sweep does not look through the collection.
        String unmarked = UUID.randomUUID().toString();
        mongo.getCollection(collection)
                .insertOne(new Document("_id", unmarked)
                        .append(
                                AuditedWriter.PENDING,
                                List.of(log.newEntry("sample", unmarked, "/hy/", "created", List.of()))));
        // Markers of writes that never happened: an old one is dropped, a young one may still be on its way.
        Document old = log.newEntry("sample", "never", "/hy/", "created", List.of());
        old.put(
                "at",
                java.util.Date.from(
                        java.time.Instant.now().minus(AuditRelay.STALE_AFTER).minusSeconds(60)));
        relay.expect(collection, "never-" + old.getString("_id"), old);
        Document young = log.newEntry("sample", "young", "/hy/", "created", List.of());
        relay.expect(collection, "young-" + young.getString("_id"), young);

        relay.sweep();

        assertThat(log.ofRecord(crashed, List.of(OrgPath.ROOT), PageQuery.of(0, 10))
                        .totalElements())
                .isEqualTo(1);
        assertThat(markersOf(crashed)).isZero();
        assertThat(log.ofRecord(unmarked, List.of(OrgPath.ROOT), PageQuery.of(0, 10))
                        .totalElements())
                .isZero();
        assertThat(mongo.getCollection(AuditRelay.MARKERS).countDocuments(Filters.eq("_id", old.getString("_id"))))
                .isZero();
        assertThat(mongo.getCollection(AuditRelay.MARKERS).countDocuments(Filters.eq("_id", young.getString("_id"))))
                .isEqualTo(1);
        mongo.getCollection(AuditRelay.MARKERS).deleteOne(Filters.eq("_id", young.getString("_id")));
    }

    @Test
    void bucketsAreSplitBySizeAndAReplayedLineGoesToItsOwnBucketOnce() {
        var actor = new vn.partycell.member.application.AuditActor(
                "nhap-" + System.nanoTime(), "Người nhập", "", null, null, "import");
        MongoAuditLog small = new MongoAuditLog(mongo, () -> actor, java.time.Clock.systemUTC(), 3);
        String recordId = UUID.randomUUID().toString();
        List<Document> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Document line = small.newEntry("member", recordId, "/hy/cb-1/", "updated", List.of());
            lines.add(line);
            small.store(line);
        }
        // The first line again, after its bucket filled and two more opened: stored nowhere else.
        small.store(lines.getFirst());
        small.store(lines.get(4));

        String month = YearMonth.from(lines.getFirst().getDate("at").toInstant().atOffset(ZoneOffset.UTC))
                .toString();
        String subject = actor.subject();
        for (String key : List.of("record:" + recordId, "user:" + subject)) {
            List<Integer> sizes = new java.util.ArrayList<>();
            for (int seq = 0; seq < 4; seq++) {
                Document bucket = mongo.getCollection(MongoAuditLog.INDEX)
                        .find(Filters.eq("_id", MongoAuditLog.bucketId(key, month, seq)))
                        .first();
                sizes.add(
                        bucket == null
                                ? 0
                                : bucket.getList("refs", Document.class).size());
            }
            assertThat(sizes).as(key).containsExactly(3, 3, 1, 0);
        }
        var first = small.ofRecord(recordId, List.of(OrgPath.of("/hy/")), PageQuery.of(0, 5));
        assertThat(first.totalElements()).isEqualTo(7);
        assertThat(first.content()).hasSize(5);
        var second = small.ofUser(subject, List.of(OrgPath.of("/hy/")), PageQuery.of(1, 5));
        assertThat(second.content()).hasSize(2);
        assertThat(second.content().getLast().id().toString())
                .isEqualTo(lines.getFirst().getString("_id"));
        assertThat(small.ofUser(subject, List.of(OrgPath.of("/khac/")), PageQuery.of(0, 5))
                        .totalElements())
                .isZero();
    }

    private long markersOf(String recordId) {
        return mongo.getCollection(AuditRelay.MARKERS).countDocuments(Filters.eq("recordId", recordId));
    }
}
