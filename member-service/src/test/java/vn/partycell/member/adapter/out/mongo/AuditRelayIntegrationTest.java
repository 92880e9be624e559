package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(log.ofRecord(id, PageQuery.of(0, 10)).totalElements()).isZero();

        relay.watch(collection);
        relay.sweep();

        var lines = log.ofRecord(id, PageQuery.of(0, 10));
        assertThat(lines.totalElements()).isEqualTo(2);
        assertThat(lines.content().getFirst().changes())
                .extracting(c -> c.field() + ":" + c.from() + "→" + c.to())
                .containsExactly("name:Chi bộ 1→Chi bộ 2");
        Document drained =
                mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(drained.containsKey(AuditedWriter.PENDING)).isFalse();
        assertThat(drained.containsKey(AuditedWriter.SINCE)).isFalse();
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

        relay.watch(collection);
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
        assertThat(log.ofRecord(recordId, PageQuery.of(0, 10)).totalElements()).isEqualTo(1);
        Document drained = mongo.getCollection(collection)
                .find(Filters.eq("_id", recordId))
                .first();
        assertThat(drained.containsKey(AuditedWriter.PENDING)).isFalse();
    }
}
