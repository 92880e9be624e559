package vn.partycell.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * One mongo-java-server per test JVM, spoken to over the real MongoDB wire protocol. Each test
 * class picks its own database name, so classes do not see each other's data.
 */
public final class InMemoryMongo {

    private static MongoServer server;
    private static String address;

    private InMemoryMongo() {}

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress bound = server.bind();
            address = "mongodb://127.0.0.1:" + bound.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return address + "/" + database;
    }
}
