package vn.partycell.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.test.InMemoryMongo;

/** Newer wins over the Mongo wire protocol, with filters the local store answers from a unique index. */
class NewerWinsTest {

    private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private MongoCollection<Document> roster;

    @BeforeEach
    void connect() {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                switch (event.getCommandName()) {
                    case "find" -> filters.add(command.getDocument("filter").clone());
                    case "update" ->
                        command.getArray("updates")
                                .forEach(u -> filters.add(
                                        u.asDocument().getDocument("q").clone()));
                    default -> {}
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(InMemoryMongo.uri("newer-wins")))
                .addCommandListener(listener)
                .build());
        roster = client.getDatabase("newer-wins").getCollection("roster-" + System.nanoTime());
        NewerWins.prepare(roster);
        NewerWins.prepare(roster);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Document line(String name, long version) {
        return new Document("fullName", name).append("version", version);
    }

    @Test
    void theFirstSnapshotIsInsertedANewerOneReplacesItAndAnOlderOrEqualOneChangesNothing() {
        assertThat(NewerWins.write(roster, "m1", line("Nguyễn Văn An", 2))).isTrue();
        assertThat(NewerWins.write(roster, "m1", line("Nguyễn Văn Ân", 2))).isFalse();
        assertThat(NewerWins.write(roster, "m1", line("cũ", 1))).isFalse();
        assertThat(roster.find(new Document("_id", "m1")).first()).containsEntry("fullName", "Nguyễn Văn An");

        assertThat(NewerWins.write(roster, "m1", line("Nguyễn Văn Bình", 5))).isTrue();
        assertThat(roster.find(new Document("_id", "m1")).first())
                .containsEntry("fullName", "Nguyễn Văn Bình")
                .containsEntry("version", 5L);
        assertThat(roster.countDocuments()).isEqualTo(1);
    }

    /**
     * The local store uses an index only for a filter whose keys are exactly a unique index's: every
     * filter sent is {@code _id}, or {@code _id} and {@code version} (the prepared index).
     */
    @Test
    void everyFilterIsByIdOrByIdAndVersion() {
        for (int v = 1; v <= 5; v++) {
            NewerWins.write(roster, "m2", line("Trần Thị Mai", v));
            NewerWins.write(roster, "m2", line("Trần Thị Mai", v - 1));
        }
        assertThat(filters)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.keySet()).isIn(Set.of("_id"), Set.of("_id", "version")));
    }

    @Test
    void concurrentWritersOfOneDocumentLeaveTheNewestVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> writes = new ArrayList<>();
            for (int v = 1; v <= 40; v++) {
                long version = v;
                writes.add(pool.submit(() -> NewerWins.write(roster, "m3", line("v" + version, version))));
            }
            for (Future<Boolean> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(roster.find(new Document("_id", "m3")).first())
                .containsEntry("version", 40L)
                .containsEntry("fullName", "v40");
    }
}
