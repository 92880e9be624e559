package vn.partycell.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import vn.partycell.localstack.LaunchException;

/** Checks that the fixed ports of the stack are free, and finds free ones for tests. */
public final class Ports {

    private Ports() {}

    /** True when nothing listens on {@code port} on any local address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Java sets SO_REUSEADDR on Linux, so sockets in TIME_WAIT do not count; a listener does.
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the port and what needs it when the port is taken. */
    public static void requireFree(int port, String purpose) {
        if (!isFree(port)) {
            throw new LaunchException("Port " + port + " (" + purpose + ") is taken by another process. "
                    + "Stop that process (find it with: ss -ltnp 'sport = :" + port + "') and run again.");
        }
    }

    /** A port that was free a moment ago (for tests and throwaway brokers). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free port", e);
        }
    }
}
