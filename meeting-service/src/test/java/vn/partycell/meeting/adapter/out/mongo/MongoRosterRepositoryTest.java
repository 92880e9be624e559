package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.meeting.application.RosterRepository;
import vn.partycell.meeting.application.RosterRepositoryContract;
import vn.partycell.platform.test.InMemoryMongo;

/** The roster port's contract over the MongoDB wire protocol (mongo-java-server). */
class MongoRosterRepositoryTest extends RosterRepositoryContract {

    private MongoClient client;
    private MongoRosterRepository repository;

    @BeforeEach
    void connect() {
        String db = "roster-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        repository = new MongoRosterRepository(new MongoTemplate(client, db));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Override
    protected RosterRepository repository() {
        return repository;
    }
}
