package vn.partycell.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.RawHttp;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TestTokens.Signing;

/**
 * The platform's web hardening in a small service of its own (real Tomcat, real broker and Mongo
 * wire protocol as every service): bounded bodies, container errors as problem+json, strict tokens.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "spring.application.name=platform-web-test",
            "partycell.database=platform-web-test",
            "partycell.outbox.enabled=false"
        })
class WebHardeningIntegrationTest {

    private static final long ONE_MB = 1024 * 1024;
    private static final AtomicLong BODY_BYTES_READ = new AtomicLong();

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        BODY_BYTES_READ.set(0);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class App {

        /** Behind the limit filter: counts the body bytes the application actually got to read. */
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> bodyProbe() {
            FilterRegistrationBean<OncePerRequestFilter> probe =
                    new FilterRegistrationBean<>(new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(
                                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                                throws ServletException, IOException {
                            chain.doFilter(new CountedRequest(request), response);
                        }
                    });
            probe.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
            return probe;
        }
    }

    @RestController
    static class ProbeController {

        @PostMapping("/api/probe/json")
        Map<String, Object> json(Caller caller, @RequestBody JsonNode body) {
            return Map.of("size", body.size());
        }

        @GetMapping("/api/probe/whoami")
        Map<String, Object> whoami(Caller caller) {
            return Map.of("username", caller.username());
        }
    }

    @Test
    void aDeclaredContentLengthAboveTheLimitIs413BeforeAnyByteIsRead() throws Exception {
        RawHttp.Reply reply = RawHttp.send(
                port,
                "POST /api/probe/json HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 195035136\r\n"
                        + "Authorization: "
                        + TestTokens.user("dv").grant("/hy/", "member").bearer());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"code\":\"payload-too-large\"").contains("\"status\":413");
        assertThat(BODY_BYTES_READ.get()).isZero();
    }

    @Test
    void aChunkedBodyIsCutAtTheLimitWhileReadNeverBufferedWhole() throws Exception {
        long before = usedHeap();
        RawHttp.Reply reply = RawHttp.chunked(
                port,
                "POST",
                "/api/probe/json",
                TestTokens.user("dv").grant("/hy/", "member").bearer(),
                64 * ONE_MB);
        long grown = usedHeap() - before;

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"code\":\"payload-too-large\"");
        // The application read at most the 1 MB default (plus one byte), not the 64 MB on offer...
        assertThat(BODY_BYTES_READ.get()).isBetween(ONE_MB / 2, ONE_MB + 1);
        // ...the client was stopped long before it had sent it all, and no 64 MB tree was built.
        assertThat(reply.bytesSent()).isLessThan(32 * ONE_MB);
        assertThat(grown).isLessThan(48 * ONE_MB);
    }

    @Test
    void aBodyUnderTheLimitIsReadAsUsual() {
        String token = TestTokens.user("dv").grant("/hy/", "member").token();
        Http.Answer answer = http.post("/api/probe/json", token, "[1,2,3]");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("size").asInt()).isEqualTo(3);
    }

    @Test
    void aRawBraceInThePathIsAProblemNotTomcatsHtmlPage() throws Exception {
        RawHttp.Reply reply = RawHttp.send(port, "GET /api/v1/meetings/{ HTTP/1.1\r\nAccept: text/html");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("<html").contains("\"status\":400");
    }

    @Test
    void theErrorPathAnswersProblemJsonEvenToABrowser() throws Exception {
        RawHttp.Reply reply = RawHttp.send(port, "GET /error HTTP/1.1\r\nAccept: text/html");

        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("<html").doesNotContain("Whitelabel");
    }

    @Test
    void aValidTokenIsAccepted() {
        Http.Answer answer = http.get(
                "/api/probe/whoami",
                TestTokens.user("dv").grant("/hy/", "member").token());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("username")).isEqualTo("dv");
    }

    @Test
    void everyTokenNotVouchedForByTheConfiguredIssuerIs401() {
        Map<String, String> refused = Map.of(
                "foreign issuer", bad().issuer("https://evil.invalid").token(),
                "no issuer", bad().issuer(null).token(),
                "wrong audience", bad().audience("another-app").token(),
                "no audience", bad().audience().token(),
                "no exp", bad().withoutExpiry().token(),
                "expired beyond the skew",
                        bad().expiresAt(Instant.now().minusSeconds(120)).token(),
                "not yet valid (nbf)",
                        bad().notBefore(Instant.now().plusSeconds(600)).token(),
                "alg none", bad().signing(Signing.NONE).token(),
                "HS256", bad().signing(Signing.HS256).token(),
                "a key not in the set", bad().signing(Signing.KEY_NOT_IN_SET).token());
        refused.forEach((why, token) -> {
            Http.Answer answer = http.get("/api/probe/whoami", token);
            assertThat(answer.status()).as(why).isEqualTo(401);
            assertThat(answer.contentType()).as(why).startsWith("application/problem+json");
            assertThat(answer.text("code")).as(why).isEqualTo("unauthenticated");
        });
    }

    @Test
    void theClockSkewToleratesAFewSecondsOnly() {
        assertThat(http.get(
                                "/api/probe/whoami",
                                bad().expiresAt(Instant.now().minusSeconds(10)).token())
                        .status())
                .isEqualTo(200);
    }

    private static TestTokens.Builder bad() {
        return TestTokens.user("dv").grant("/hy/", "member");
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static final class CountedRequest extends HttpServletRequestWrapper {

        CountedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        BODY_BYTES_READ.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        BODY_BYTES_READ.addAndGet(n);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
