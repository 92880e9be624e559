package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.meeting.application.CellTerms;
import vn.partycell.meeting.application.CellTermsContract;
import vn.partycell.platform.test.InMemoryMongo;

/** The terms port's contract over the MongoDB wire protocol (mongo-java-server). */
class MongoCellTermsTest extends CellTermsContract {

    private MongoClient client;
    private MongoCellTerms terms;

    @BeforeEach
    void connect() {
        String db = "terms-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        terms = new MongoCellTerms(new MongoTemplate(client, db));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Override
    protected CellTerms terms() {
        return terms;
    }
}
