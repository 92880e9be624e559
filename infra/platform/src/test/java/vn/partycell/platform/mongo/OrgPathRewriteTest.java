package vn.partycell.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.test.InMemoryMongo;

/** The prefix rewrite of a tree move over the MongoDB wire protocol (mongo-java-server). */
class OrgPathRewriteTest {

    private final String db = "rewrite-" + UUID.randomUUID().toString().substring(0, 8);
    private final MongoClient client = MongoClients.create(InMemoryMongo.uri(db));
    private final MongoTemplate mongo = new MongoTemplate(client, db);

    @AfterEach
    void close() {
        client.close();
    }

    private List<String> paths() {
        return mongo.getCollection("records").find().into(new ArrayList<>()).stream()
                .map(d -> d.getString("orgPath"))
                .sorted()
                .toList();
    }

    @Test
    void everyRecordUnderTheOldPrefixAndOnlyThoseMoveInBatchesAndARepeatDoesNothing() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            docs.add(new Document("_id", "m" + i).append("orgPath", "/hy/a/cb-" + (i % 7) + "/"));
        }
        docs.add(new Document("_id", "sibling").append("orgPath", "/hy/ab/cb-1/"));
        docs.add(new Document("_id", "above").append("orgPath", "/hy/"));
        mongo.getCollection("records").insertMany(docs);

        long moved = OrgPathRewrite.rewrite(mongo, "records", "orgPath", OrgPath.of("/hy/a/"), OrgPath.of("/hy/b/a/"));

        assertThat(moved).isEqualTo(1_203);
        assertThat(paths()).filteredOn(p -> p.startsWith("/hy/a/")).isEmpty();
        assertThat(paths()).filteredOn(p -> p.startsWith("/hy/b/a/cb-")).hasSize(1_203);
        assertThat(paths()).contains("/hy/ab/cb-1/", "/hy/");
        assertThat(OrgPathRewrite.rewrite(mongo, "records", "orgPath", OrgPath.of("/hy/a/"), OrgPath.of("/hy/b/a/")))
                .isZero();
    }
}
