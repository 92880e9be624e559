package vn.partycell.localstack.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.localstack.LaunchException;

/**
 * JSON over HTTP to the gateway. A connection error or a 5xx is retried a few times with growing
 * pauses; a 4xx means the request is wrong and fails at once with the problem body.
 */
public final class GatewayApi {

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json;
    private final int attempts;
    private final Duration firstPause;

    public GatewayApi(URI base, JsonMapper json, int attempts, Duration firstPause) {
        this.base = base;
        this.json = json;
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public GatewayApi(URI base, JsonMapper json) {
        this(base, json, 5, Duration.ofMillis(500));
    }

    public URI base() {
        return base;
    }

    public JsonMapper json() {
        return json;
    }

    /** GET, expecting 200; {@code token} may be null. */
    public JsonNode get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token, null, 200);
    }

    /** POST a JSON body, expecting 201 Created. */
    public JsonNode post(String path, String token, JsonNode body) {
        return send("POST", path, token, json.writeValueAsString(body), 201);
    }

    /** POST a JSON body to a command endpoint, expecting 200 OK. */
    public JsonNode command(String path, String token, JsonNode body) {
        return send("POST", path, token, json.writeValueAsString(body), 200);
    }

    /** PUT a JSON body, expecting 200 OK. */
    public JsonNode put(String path, String token, JsonNode body) {
        return send("PUT", path, token, json.writeValueAsString(body), 200);
    }

    private JsonNode send(String method, String pathAndQuery, String token, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String what = method + " " + pathAndQuery;
        Duration pause = firstPause;
        String lastFailure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == expected) {
                    return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
                }
                if (status >= 400 && status < 500) {
                    throw new ClientError(
                            status,
                            what + " returned " + status + " (a fault of the demo data seeder):"
                                    + System.lineSeparator() + response.body()
                                    + (body == null ? "" : System.lineSeparator() + "Body sent: " + body));
                }
                lastFailure = "HTTP " + status + " " + abbreviate(response.body());
                if (status < 500) {
                    // 1xx/2xx/3xx other than the expected status: not a transient failure.
                    throw new LaunchException(what + " returned " + status + ", expected " + expected + ": "
                            + abbreviate(response.body()));
                }
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while calling " + what, e);
            }
            if (attempt < attempts) {
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
        throw new LaunchException(what + " failed after " + attempts + " attempts: " + lastFailure);
    }

    /** A 4xx answer: the request is wrong, and sending it again will not help. */
    public static final class ClientError extends LaunchException {
        private final int status;

        ClientError(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status (400–499). */
        public int status() {
            return status;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting to retry", e);
        }
    }
}
