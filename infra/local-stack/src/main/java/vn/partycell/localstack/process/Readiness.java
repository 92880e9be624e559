package vn.partycell.localstack.process;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import vn.partycell.localstack.LaunchException;

/** Waits until a child's {@code /actuator/health/readiness} answers 200 with status UP. */
public final class Readiness {

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** Returns how long the child took, counted from its start. */
    public Duration await(
            ChildProcess child, URI readinessUri, Duration timeout, Duration progressEvery, PrintStream out) {
        long deadline = child.startedAt().plus(timeout).toEpochMilli();
        long nextProgress = System.currentTimeMillis() + progressEvery.toMillis();
        String last = "no answer yet";
        while (true) {
            if (!child.isAlive()) {
                throw new ReadinessException(
                        child, child.name() + " exited while starting (exit code " + child.exitCode() + ")");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(readinessUri)
                                .timeout(Duration.ofSeconds(3))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200
                        && STATUS_UP.matcher(response.body()).find()) {
                    return Duration.ofMillis(
                            System.currentTimeMillis() - child.startedAt().toEpochMilli());
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
                if (response.statusCode() >= 400 && response.statusCode() < 500) {
                    // The server is up (it answers only once started), but the probe is refused or
                    // missing: waiting will not help.
                    throw new ReadinessException(
                            child,
                            child.name() + " answered " + readinessUri + " with " + last.strip()
                                    + ": the readiness probe is blocked or not enabled "
                                    + "(needs management.endpoint.health.probes.enabled and access without a token)");
                }
            } catch (IOException e) {
                last = "not accepting connections yet (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for " + child.name(), e);
            }
            long now = System.currentTimeMillis();
            if (now > deadline) {
                throw new ReadinessException(
                        child,
                        child.name() + " not ready after " + timeout.toSeconds() + " s (" + readinessUri + ": " + last
                                + ")");
            }
            if (now >= nextProgress) {
                out.printf(
                        "  … waiting for %s (%d s)%n",
                        child.name(), (now - child.startedAt().toEpochMilli()) / 1000);
                nextProgress = now + progressEvery.toMillis();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for " + child.name(), e);
            }
        }
    }

    /** A child that did not become ready; the launcher prints the end of its log. */
    public static final class ReadinessException extends LaunchException {

        private final transient ChildProcess child;

        public ReadinessException(ChildProcess child, String message) {
            super(message);
            this.child = child;
        }

        public ChildProcess child() {
            return child;
        }
    }
}
