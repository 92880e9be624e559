package vn.partycell.localstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.partycell.localstack.LaunchException;

/**
 * A MongoDB-wire server inside the launcher's JVM (mongo-java-server) that keeps its data in one
 * H2 MVStore file, so the data survives restarts of the stack. Transactions are not supported.
 */
public final class MongoStore implements AutoCloseable {

    private final Path file;
    private final String host;
    private final int port;
    private MongoServer server;

    public MongoStore(Path file, String host, int port) {
        this.file = file.toAbsolutePath();
        this.host = host;
        this.port = port;
    }

    public synchronized MongoStore start() {
        if (server != null) {
            return this;
        }
        H2Backend backend;
        try {
            Files.createDirectories(file.getParent());
            backend = new H2Backend(file.toString());
        } catch (IOException | RuntimeException e) {
            throw new LaunchException(
                    "Cannot open the data store " + file + " (" + e.getMessage()
                            + "). Another local stack may be using this data directory.",
                    e);
        }
        MongoServer started = new MongoServer(backend);
        try {
            started.bind(host, port);
        } catch (Exception e) { // Netty rethrows java.net.BindException without declaring it
            started.shutdownNow(); // also closes the backend and its file
            throw new LaunchException("Cannot open the MongoDB port " + host + ":" + port + ": " + e.getMessage(), e);
        }
        server = started;
        return this;
    }

    /** mongodb://host:port/&lt;database&gt; */
    public String uri(String database) {
        return "mongodb://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path file() {
        return file;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Closes client connections and the H2 file (which flushes everything to disk). */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.shutdownNow(); // closes clients, then the backend: H2 writes and closes the file
        } finally {
            server = null;
        }
    }
}
