package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.member.application.AuditActor;
import vn.partycell.member.application.MemberImportId;
import vn.partycell.member.application.MemberImportStore.Imported;
import vn.partycell.member.application.MemberImportStore.Outcome;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.test.ServiceIntegrationTest;

/**
 * The audit index's writes on the wire protocol: an import batch resumed after a crash (its members
 * stored, their lines not yet drained) gives each member exactly one line, and the guarded push of a
 * reference neither collides on a bucket that holds it already nor loses one when two writers open a
 * bucket at the same moment. Every command is seen by a listener on the test's own client.
 */
@ServiceIntegrationTest
class AuditIndexWritesIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-01-04T18:00:00Z");
    private static long citizens = System.nanoTime() % 1_000_000;

    @Autowired
    MongoTemplate shared;

    @Autowired
    OutboxStore outbox;

    @Autowired
    OutboxEventMapper<MemberEvent> events;

    @Value("${spring.mongodb.uri}")
    String uri;

    final List<String> duplicateKeyErrors = new CopyOnWriteArrayList<>();
    MongoClient client;
    MongoTemplate mongo;

    @BeforeEach
    void listened() {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandFailed(CommandFailedEvent event) {
                if (String.valueOf(event.getThrowable().getMessage()).contains("E11000")) {
                    duplicateKeyErrors.add(
                            event.getCommandName() + ": " + event.getThrowable().getMessage());
                }
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                BsonValue errors = event.getResponse().get("writeErrors");
                if (errors != null && errors.isArray()) {
                    errors.asArray().forEach(e -> {
                        BsonDocument error = e.asDocument();
                        if (error.getInt32("code").getValue() == 11000) {
                            duplicateKeyErrors.add(event.getCommandName() + ": " + error.get("errmsg"));
                        }
                    });
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(listener)
                .build());
        mongo = new MongoTemplate(client, shared.getDb().getName());
    }

    @AfterEach
    void closed() {
        client.close();
    }

    @Test
    void aResumedImportBatchGivesEachMemberOneLineByTheUploaderAndNamingTheRun() {
        AuditActor uploader =
                new AuditActor("bt-" + System.nanoTime(), "Bí thư", "secretary@/t/cb/", "req-up", null, "POST up");
        MongoAuditLog log = new MongoAuditLog(mongo, () -> AuditActor.SYSTEM, Clock.systemUTC(), 1000);
        AuditRelay relay = new AuditRelay(mongo, log, java.time.Duration.ofDays(1));
        AuditRelay crashing = new AuditRelay(mongo, log, java.time.Duration.ofDays(1)) {
            @Override
            void drainAll(String collection, java.util.Map<Object, Document> lines) {
                // The worker dies after the batch is stored, before its lines are drained.
            }
        };
        MemberImportId importId = MemberImportId.random();
        mongo.getCollection(MongoImportJobRepository.JOBS)
                .insertOne(new Document("_id", importId.toString())
                        .append("requestedBy", uploader.subject())
                        .append(
                                MongoImportJobRepository.STARTED_BY,
                                new Document("subject", uploader.subject())
                                        .append("name", uploader.name())
                                        .append("roles", uploader.roles())
                                        .append("requestId", uploader.requestId())
                                        .append("operation", uploader.operation())));
        OrgUnit cell = cell();
        List<Imported> batch = new ArrayList<>();
        for (int row = 2; row < 6; row++) {
            batch.add(new Imported(registered(cell), row));
        }

        new MongoImportJobMembers(mongo, outbox, events, crashing).insertAll(importId, batch);
        String first = batch.getFirst().registered().state().id().toString();
        assertThat(log.ofRecord(first, List.of(OrgPath.ROOT), PageQuery.of(0, 10))
                        .totalElements())
                .as("not drained yet")
                .isZero();
        Document stored = mongo.getCollection(MongoMemberRepository.COLLECTION)
                .find(Filters.eq("_id", first))
                .first();
        assertThat(stored.getList(AuditedWriter.PENDING, Document.class))
                .as("the line is in the member's own document")
                .hasSize(1);

        // The run resumes at the same offset: the same rows again.
        List<Outcome> again = new MongoImportJobMembers(mongo, outbox, events, relay).insertAll(importId, batch);
        assertThat(again).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.SameId.class));
        // And once more, after everything was drained.
        new MongoImportJobMembers(mongo, outbox, events, relay).insertAll(importId, batch);
        relay.sweep();

        for (Imported imported : batch) {
            var lines = log.ofRecord(
                    imported.registered().state().id().toString(), List.of(OrgPath.ROOT), PageQuery.of(0, 10));
            assertThat(lines.totalElements()).isEqualTo(1);
            var line = lines.content().getFirst();
            assertThat(line.actor()).isEqualTo(uploader);
            assertThat(line.importId()).isEqualTo(importId.toString());
            assertThat(line.action()).isEqualTo("members.member.registered");
            assertThat(line.orgPath()).isEqualTo(cell.orgPath());
        }
        assertThat(log.ofUser(uploader.subject(), List.of(OrgPath.ROOT), PageQuery.of(0, 10))
                        .totalElements())
                .isEqualTo(batch.size());
        assertThat(mongo.getCollection(AuditRelay.MARKERS)
                        .countDocuments(Filters.in(
                                "recordId",
                                batch.stream()
                                        .map(i -> i.registered().state().id().toString())
                                        .toList())))
                .as("no marker left behind")
                .isZero();
    }

    @Test
    void aReplayedLineIsNoDuplicateKeyErrorOnItsBucket() {
        AuditActor actor = new AuditActor("seed-" + System.nanoTime(), "Seed", "", null, null, "seed");
        MongoAuditLog log = new MongoAuditLog(mongo, () -> actor, Clock.systemUTC(), 1000);
        Document line = log.newEntry("member", UUID.randomUUID().toString(), "/t/cb/", "updated", List.of());
        log.store(line);
        duplicateKeyErrors.clear();

        // The sweep replays a line a drain stored already.
        log.store(line);
        log.store(line);

        assertThat(duplicateKeyErrors)
                .as("the guarded upsert of a reference already in its bucket")
                .filteredOn(e -> e.contains(MongoAuditLog.INDEX))
                .isEmpty();
        assertThat(log.ofUser(actor.subject(), List.of(OrgPath.ROOT), PageQuery.of(0, 10))
                        .totalElements())
                .isEqualTo(1);
    }

    @Test
    void writersOpeningTheSameBucketsAtOnceLoseNoReference() throws Exception {
        AuditActor actor = new AuditActor("race-" + System.nanoTime(), "Seed", "", null, null, "seed");
        // Buckets of 2: a new bucket opens every other line, so writers keep racing to open one.
        MongoAuditLog log = new MongoAuditLog(mongo, () -> actor, Clock.systemUTC(), 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.store(log.newEntry("member", UUID.randomUUID().toString(), "/t/cb/", "updated", List.of()));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.ofUser(actor.subject(), List.of(OrgPath.ROOT), PageQuery.of(0, 200))
                        .totalElements())
                .isEqualTo(100);
    }

    private static OrgUnit cell() {
        String code = "w" + System.nanoTime() % 1_000_000;
        OrgUnit province = OrgUnit.root(OrgUnitId.random(), code, "Tỉnh ủy thử", OrgUnitKind.PROVINCE, NOW)
                .state();
        return province.child(OrgUnitId.random(), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, NOW)
                .state();
    }

    private static vn.partycell.platform.kernel.Change<Member, MemberEvent> registered(OrgUnit cell) {
        PersonalData person = new PersonalData(
                "Lê Thị Mai",
                LocalDate.of(1980, 1, 2),
                Gender.FEMALE,
                String.format("033180%06d", ++citizens % 1_000_000),
                null,
                null,
                null,
                null);
        return Member.register(
                MemberId.random(),
                person,
                cell,
                null,
                MemberStatus.PROBATIONARY,
                false,
                LocalDate.of(2025, 5, 19),
                12,
                "bt",
                NOW,
                LocalDate.of(2026, 1, 5));
    }
}
