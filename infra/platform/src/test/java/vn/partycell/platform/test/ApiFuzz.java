package vn.partycell.platform.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests derived from a running service's OpenAPI document ({@code /v3/api-docs}): for
 * every operation, every parameter and every body field, wrong types, out-of-range numbers and
 * dates, oversized strings and lists, bad enums, missing required fields, unknown fields and
 * invalid JSON, each sent with every given token. A finding is any 5xx, and any 4xx that is not
 * {@code application/problem+json}. Use: {@code assertThat(ApiFuzz.on(port).token("admin", t).run()).isEmpty()}.
 */
public final class ApiFuzz {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "x".repeat(20_000);
    /**
     * Long, but inside the container's 8 KB request-line limit. A longer URI is refused by Tomcat
     * before it has read the whole request, and its close then resets the connection under the
     * reply: a race of TCP, not of the service, which made this fuzz fail now and then.
     */
    private static final String LONG_IN_URI = "x".repeat(4_000);

    private final int port;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, JsonNode> examples = new HashMap<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int sent;

    private ApiFuzz(int port) {
        this.port = port;
    }

    public static ApiFuzz on(int port) {
        return new ApiFuzz(port);
    }

    /** A token to send every request with (raw JWT), named for the findings. */
    public ApiFuzz token(String name, String jwt) {
        tokens.put(name, jwt);
        return this;
    }

    /**
     * A valid value for every parameter or body field of this name (a path id that exists, a field
     * with a pattern), so that the other mutations reach past validation into the service.
     */
    public ApiFuzz example(String name, Object value) {
        examples.put(name, JSON.valueToTree(value));
        return this;
    }

    /** How many requests the last {@link #run()} sent. */
    public int sent() {
        return sent;
    }

    public List<String> run() throws Exception {
        sent = 0;
        JsonNode doc = JSON.readTree(send("GET", "/v3/api-docs", null, null).body());
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (Case c : cases(doc, path.getKey(), op.getValue())) {
                    for (Map.Entry<String, String> token : tokens.entrySet()) {
                        HttpResponse<String> answer;
                        try {
                            answer = send(method, c.uri, c.body, token.getValue());
                        } catch (java.io.IOException broken) {
                            // A reply cut off mid-stream is a server failure too, and must name its request.
                            findings.add(method + " " + c.uri.substring(0, Math.min(200, c.uri.length())) + " ["
                                    + c.what + ", " + token.getKey() + "] -> broken reply: " + broken);
                            continue;
                        }
                        String type =
                                answer.headers().firstValue("Content-Type").orElse("");
                        int status = answer.statusCode();
                        if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
                            findings.add(method + " " + c.uri.substring(0, Math.min(200, c.uri.length())) + " ["
                                    + c.what + ", " + token.getKey() + "] -> " + status + " " + type + " "
                                    + answer.body()
                                            .substring(
                                                    0,
                                                    Math.min(200, answer.body().length())));
                        }
                    }
                }
            }
        }
        return findings;
    }

    private record Case(String what, String uri, String body) {}

    private List<Case> cases(JsonNode doc, String template, JsonNode op) {
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        Map<String, String> base = new LinkedHashMap<>();
        for (JsonNode p : params) {
            base.put(p.path("name").asString(), text(sample(doc, p.path("name").asString(), p.path("schema"))));
        }
        JsonNode bodySchema =
                op.path("requestBody").path("content").path("application/json").path("schema");
        String baseBody = bodySchema.isMissingNode() ? null : JSON.writeValueAsString(sample(doc, "", bodySchema));
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("baseline", uri(template, params, base), baseBody));
        for (JsonNode p : params) {
            String name = p.path("name").asString();
            if ("header".equals(p.path("in").asString())) {
                continue;
            }
            for (Map.Entry<String, String> bad :
                    badScalars(resolve(doc, p.path("schema")), LONG_IN_URI).entrySet()) {
                Map<String, String> values = new LinkedHashMap<>(base);
                values.put(name, bad.getValue());
                cases.add(new Case(name + ": " + bad.getKey(), uri(template, params, values), baseBody));
            }
            if (!"path".equals(p.path("in").asString())) {
                Map<String, String> values = new LinkedHashMap<>(base);
                values.remove(name);
                cases.add(new Case(name + ": missing", uri(template, params, values), baseBody));
            }
        }
        if (baseBody != null) {
            String uri = uri(template, params, base);
            for (String invalid : List.of("{", "[", "", "null", "[]", "\"x\"", "{\"a\":", "{}", "{\"\u0000\":1}")) {
                cases.add(new Case("invalid JSON " + invalid, uri, invalid));
            }
            JsonNode body = sample(doc, "", bodySchema);
            bodyMutations(doc, resolve(doc, bodySchema), body, body, "", uri, cases, 0);
            ObjectNode unknown = body.isObject() ? ((ObjectNode) body.deepCopy()) : NODES.objectNode();
            unknown.put("unknownField" + UUID.randomUUID().toString().substring(0, 4), "x");
            cases.add(new Case("unknown field", uri, JSON.writeValueAsString(unknown)));
        }
        return cases;
    }

    /** Each field of an object body replaced by each bad value, removed, and nested objects recursed. */
    private void bodyMutations(
            JsonNode doc,
            JsonNode schema,
            JsonNode root,
            JsonNode node,
            String prefix,
            String uri,
            List<Case> cases,
            int depth) {
        if (depth > 3 || !node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field :
                resolve(doc, schema).path("properties").properties()) {
            String name = field.getKey();
            JsonNode fieldSchema = resolve(doc, field.getValue());
            Map<String, JsonNode> bad = new LinkedHashMap<>();
            bad.put("null", NODES.nullNode());
            bad.put("missing", null);
            bad.put("object", NODES.objectNode().put("a", 1));
            bad.put("array", NODES.arrayNode().add(1).add("x"));
            bad.put("number", NODES.numberNode(1e308));
            bad.put("boolean", NODES.booleanNode(true));
            badScalars(fieldSchema, LONG).forEach((what, value) -> bad.put(what, NODES.stringNode(value)));
            if (isType(fieldSchema, "array")) {
                JsonNode element = sample(doc, name, fieldSchema.path("items"));
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 1000; i++) {
                    many.add(element);
                }
                bad.put("1000 elements", many);
                bad.put("array of null", NODES.arrayNode().addNull());
                bad.put("array of long strings", NODES.arrayNode().add(LONG));
                JsonNode items = resolve(doc, fieldSchema.path("items"));
                if (isType(items, "object") || items.has("properties")) {
                    ArrayNode one = NODES.arrayNode().add(element);
                    ObjectNode holder = ((ObjectNode) node).deepCopy();
                    holder.set(name, one);
                    JsonNode withOne = replace(root, prefix, holder);
                    bodyMutations(doc, items, withOne, element, prefix + name + "[0].", uri, cases, depth + 1);
                }
            }
            for (Map.Entry<String, JsonNode> b : bad.entrySet()) {
                ObjectNode mutated = ((ObjectNode) node).deepCopy();
                if (b.getValue() == null) {
                    mutated.remove(name);
                } else {
                    mutated.set(name, b.getValue());
                }
                cases.add(new Case(
                        prefix + name + ": " + b.getKey(),
                        uri,
                        JSON.writeValueAsString(replace(root, prefix, mutated))));
            }
            if (isType(fieldSchema, "object") || fieldSchema.has("properties")) {
                bodyMutations(doc, fieldSchema, root, node.path(name), prefix + name + ".", uri, cases, depth + 1);
            }
        }
    }

    /** The root with the object at {@code prefix} ("a.", "a[0].") replaced. */
    private static JsonNode replace(JsonNode root, String prefix, JsonNode replacement) {
        if (prefix.isEmpty()) {
            return replacement;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        String[] steps = prefix.substring(0, prefix.length() - 1).split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            if (step.endsWith("[0]")) {
                ArrayNode array = (ArrayNode) parent.path(step.substring(0, step.length() - 3));
                if (last) {
                    array.set(0, replacement);
                } else {
                    parent = array.get(0);
                }
            } else if (last) {
                ((ObjectNode) parent).set(step, replacement);
            } else {
                parent = parent.path(step);
            }
        }
        return copy;
    }

    /** Values that are wrong for a scalar of this schema (as text: for a query, a path or a JSON string). */
    private static Map<String, String> badScalars(JsonNode schema, String longString) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("wrong type", "not-a-" + typeOf(schema));
        bad.put("empty", "");
        bad.put("long string", longString);
        bad.put("brace and percent", "{%zz}");
        bad.put("control characters", "\u0000\u0001\n");
        if (isType(schema, "integer") || isType(schema, "number")) {
            bad.put("negative", "-1");
            bad.put("int overflow", "2147483648");
            bad.put("long overflow", "99999999999999999999999");
            bad.put("fraction", "1.5");
            bad.put("exponent", "1e400");
        }
        String format = schema.path("format").asString("");
        if (format.equals("date-time")) {
            bad.put("far future date-time", "+300000000-01-01T00:00:00Z");
            bad.put("far past date-time", "-300000000-01-01T00:00:00Z");
            bad.put("year 9999", "9999-12-31T23:59:59Z");
            bad.put("no zone", "2026-01-01T00:00:00");
        }
        if (format.equals("date")) {
            bad.put("far past date", "-300000000-01-01");
            bad.put("far future date", "+300000000-01-01");
            bad.put("year 1", "0001-01-01");
            bad.put("day 32", "2026-01-32");
        }
        if (schema.has("enum")) {
            bad.put("bad enum", "NOT_A_VALUE");
            bad.put("lower-case enum", schema.path("enum").path(0).asString("").toLowerCase());
        }
        return bad;
    }

    private JsonNode sample(JsonNode doc, String name, JsonNode rawSchema) {
        if (examples.containsKey(name)) {
            return examples.get(name);
        }
        JsonNode schema = resolve(doc, rawSchema);
        if (schema.has("enum")) {
            return schema.path("enum").path(0);
        }
        if (schema.has("default") && !schema.path("default").isNull()) {
            return schema.path("default");
        }
        if (isType(schema, "object") || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
                object.set(field.getKey(), sample(doc, field.getKey(), field.getValue()));
            }
            return object;
        }
        if (isType(schema, "array")) {
            return NODES.arrayNode().add(sample(doc, name, schema.path("items")));
        }
        if (isType(schema, "integer") || isType(schema, "number")) {
            return NODES.numberNode(
                    schema.path("minimum").asLong(1) > 0
                            ? schema.path("minimum").asLong(1)
                            : 1);
        }
        if (isType(schema, "boolean")) {
            return NODES.booleanNode(true);
        }
        return NODES.stringNode(
                switch (schema.path("format").asString("")) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" ->
                        Instant.now()
                                .plus(1, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString();
                    case "date" -> "1990-01-02";
                    case "email" -> "dang.vien@example.vn";
                    default -> "Giá trị thử " + name;
                });
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.path("$ref").asString();
            schema = doc.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(doc, schema.path("allOf").path(0));
        }
        return schema;
    }

    private static boolean isType(JsonNode schema, String type) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (Iterator<JsonNode> it = t.iterator(); it.hasNext(); ) {
                if (type.equals(it.next().asString())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(t.asString());
    }

    private static String typeOf(JsonNode schema) {
        for (String t : List.of("integer", "number", "boolean", "array", "object")) {
            if (isType(schema, t)) {
                return t;
            }
        }
        return schema.path("format").asString("string");
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    private static String uri(String template, List<JsonNode> params, Map<String, String> values) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : params) {
            String name = p.path("name").asString();
            if (!values.containsKey(name)) {
                continue;
            }
            String value =
                    URLEncoder.encode(values.get(name), StandardCharsets.UTF_8).replace("+", "%20");
            switch (p.path("in").asString()) {
                case "path" -> path = path.replace("{" + name + "}", value.isEmpty() ? "%20" : value);
                case "query" ->
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(name)
                            .append('=')
                            .append(value);
                default -> {}
            }
        }
        return path + query;
    }

    private HttpResponse<String> send(String method, String uri, String body, String token) throws Exception {
        sent++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
