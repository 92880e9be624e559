package vn.partycell.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guards on a real Tomcat, spoken to over a socket: both ways of taking a chunked body, and the valve. */
class RequestBodyLimitFilterAndErrorValveTest {

    static final long LIMIT = 64 * 1024;

    /** What the application behind the filter read, -1 when it was never called. */
    final AtomicLong bodyRead = new AtomicLong(-1);

    /** Whether the application behind the filter was called at all. */
    final AtomicBoolean called = new AtomicBoolean();

    Tomcat tomcat;
    int port;

    /** Test valve: Tomcat creates it by class name, so it must be public with a public constructor. */
    public static class TestValve extends ProblemErrorReportValve {
        @Override
        protected String problemJson(int status) {
            return "{\"status\":" + status + ",\"code\":\"container\"}";
        }
    }

    void start(RequestBodyLimitFilter.ChunkedBodies chunked) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("http-guards").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        ProblemErrorReportValve.install(context, TestValve.class);
        Tomcat.addServlet(context, "reader", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                called.set(true);
                long n = request.getInputStream().transferTo(OutputStream.nullOutputStream());
                bodyRead.set(n);
                response.setContentType("text/plain");
                response.getWriter().write("read " + n);
            }
        });
        context.addServletMappingDecoded("/*", "reader");
        // An application that reads the body without blocking (Servlet 3.1 ReadListener).
        org.apache.catalina.Wrapper async = Tomcat.addServlet(context, "async-reader", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                called.set(true);
                jakarta.servlet.AsyncContext context = request.startAsync();
                jakarta.servlet.ServletInputStream in = request.getInputStream();
                AtomicLong n = new AtomicLong();
                in.setReadListener(new jakarta.servlet.ReadListener() {
                    @Override
                    public void onDataAvailable() throws IOException {
                        byte[] buffer = new byte[8192];
                        int read;
                        while (in.isReady() && (read = in.read(buffer)) > 0) {
                            n.addAndGet(read);
                        }
                    }

                    @Override
                    public void onAllDataRead() throws IOException {
                        bodyRead.set(n.get());
                        response.setContentType("text/plain");
                        response.getWriter().write("async read " + n.get());
                        context.complete();
                    }

                    @Override
                    public void onError(Throwable t) {
                        context.complete();
                    }
                });
            }
        });
        async.setAsyncSupported(true);
        context.addServletMappingDecoded("/async/*", "async-reader");
        FilterDef def = new FilterDef();
        def.setFilterName("limit");
        def.setAsyncSupported("true");
        def.setFilter(new RequestBodyLimitFilter(path -> LIMIT, chunked, (request, response, limit) -> {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"status\":413,\"limit\":" + limit + "}");
        }));
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("limit");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterEach
    void stop() throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void aDeclaredLengthAboveTheLimitIs413BeforeTheApplicationIsCalled() throws Exception {
        start(RequestBodyLimitFilter.ChunkedBodies.COUNTED);

        String reply = exchange(
                "POST /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 195035136\r\n\r\n", -1);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).contains("{\"status\":413,\"limit\":" + LIMIT + "}");
        assertThat(called).isFalse();
    }

    @Test
    void aCountedChunkedBodyFailsAtTheFirstBytePastTheLimitAndIsAnswered413() throws Exception {
        start(RequestBodyLimitFilter.ChunkedBodies.COUNTED);

        String reply = exchange(chunkedHead(), 8 * 1024 * 1024);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).contains("\"limit\":" + LIMIT);
        // The application was called and streamed the body, but its read failed past the limit.
        assertThat(called).isTrue();
        assertThat(bodyRead.get()).isEqualTo(-1);
    }

    @Test
    void aBufferedChunkedBodyWithinTheLimitReachesTheApplicationWhole() throws Exception {
        start(RequestBodyLimitFilter.ChunkedBodies.BUFFERED);

        String reply = exchange(chunkedHead(), LIMIT);

        assertThat(reply).startsWith("HTTP/1.1 200").contains("read " + LIMIT);
    }

    @Test
    void aBufferedChunkedBodyCanBeReadWithoutBlocking() throws Exception {
        start(RequestBodyLimitFilter.ChunkedBodies.BUFFERED);

        String reply = exchange(chunkedHead().replace("POST /x", "POST /async/x"), LIMIT);

        assertThat(reply).startsWith("HTTP/1.1 200").contains("async read " + LIMIT);
    }

    @Test
    void aBufferedChunkedBodyPastTheLimitIs413AndNeverReachesTheApplication() throws Exception {
        start(RequestBodyLimitFilter.ChunkedBodies.BUFFERED);

        String reply = exchange(chunkedHead(), 8 * 1024 * 1024);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).contains("\"limit\":" + LIMIT);
        assertThat(called).isFalse();
    }

    @Test
    void tomcatsOwnErrorIsTheValvesProblemNotAnHtmlPage() throws Exception {
        start(RequestBodyLimitFilter.ChunkedBodies.COUNTED);

        String reply =
                exchange("GET /a/{ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: text/html\r\n\r\n", -1);

        assertThat(reply).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
        assertThat(reply).contains("{\"status\":400,\"code\":\"container\"}").doesNotContain("<html");
    }

    private static String chunkedHead() {
        return "POST /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    /**
     * Sends the head and, for chunkedBytes >= 0, a chunked body of that size from another thread
     * while this one reads the answer (a server that refuses the body answers before it is all sent).
     */
    private String exchange(String head, long chunkedBytes) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    byte[] chunk = new byte[8 * 1024];
                    Arrays.fill(chunk, (byte) 'x');
                    for (long left = chunkedBytes; left > 0; left -= chunk.length) {
                        int size = (int) Math.min(chunk.length, left);
                        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk, 0, size);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    if (chunkedBytes >= 0) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    // Nothing more comes: a server waiting for the rest of a declared body stops waiting.
                    socket.shutdownOutput();
                } catch (IOException hungUp) {
                    // The server answered and closed the connection before the body was all sent.
                }
            });
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                // Every request asks to close the connection, so the answer ends where the stream does.
                in.transferTo(reply);
            } catch (IOException reset) {
                // A reset after the answer: keep what arrived.
            }
            sending.get(30, TimeUnit.SECONDS);
            return reply.toString(StandardCharsets.UTF_8);
        }
    }
}
