package vn.partycell.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.partycell.localstack.LaunchException;
import vn.partycell.localstack.process.Ports;

class MongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsDocumentsAcrossRestarts() {
        Path file = dir.resolve("data/mongo.mv.db");
        int port = Ports.freePort();

        try (MongoStore store = new MongoStore(file, "127.0.0.1", port).start();
                MongoClient client = MongoClients.create(store.uri("members"))) {
            client.getDatabase("members")
                    .getCollection("members")
                    .insertOne(new Document("_id", "m-1")
                            .append("fullName", "Nguyễn Thị Thu Hà")
                            .append("orgPath", "/hy/huyen-uy-vl/cb-11/"));
        }
        assertThat(file).exists();
        assertThat(Ports.isFree(port)).isTrue();

        try (MongoStore store = new MongoStore(file, "127.0.0.1", port).start();
                MongoClient client = MongoClients.create(store.uri("members"))) {
            MongoCollection<Document> members = client.getDatabase("members").getCollection("members");
            Document found = members.find(Filters.eq("_id", "m-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("fullName")).isEqualTo("Nguyễn Thị Thu Hà");
            assertThat(found.getString("orgPath")).isEqualTo("/hy/huyen-uy-vl/cb-11/");
            assertThat(members.countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void refusesAPortThatIsTaken() throws Exception {
        int port = Ports.freePort();
        try (MongoStore first = new MongoStore(dir.resolve("a.mv.db"), "127.0.0.1", port).start()) {
            MongoStore second = new MongoStore(dir.resolve("b.mv.db"), "127.0.0.1", port);
            assertThatThrownBy(second::start)
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("Cannot open the MongoDB port 127.0.0.1:" + port);
            assertThat(second.isRunning()).isFalse();
            assertThat(Files.exists(dir.resolve("b.mv.db"))).isTrue();
        }
    }
}
