package vn.partycell.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Loads the contracts from the classpath the way a consumer of this jar would. */
final class Contracts {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * Draft 2020-12, {@code $id}s under the schema base URI read from the classpath (never from the
     * network), formats asserted (in 2020-12 they are annotations unless switched on), error
     * locations as JSON pointers.
     */
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(
                            EventContracts.SCHEMA_BASE_URI, "classpath:" + EventContracts.SCHEMA_RESOURCE_DIR))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Contracts() {}

    /** The schema of an event type, loaded by its {@code $id}. */
    static Schema schema(String type) {
        return SCHEMAS.computeIfAbsent(
                type, t -> REGISTRY.getSchema(SchemaLocation.of(EventContracts.schemaUri(t, 1))));
    }

    static List<Error> validate(String type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readYaml(String resource) {
        try (InputStream in = open(resource)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String resource) {
        return Contracts.class.getClassLoader().getResource(resource) != null;
    }

    static JsonNode schemaNode(String type) {
        return readJson(EventContracts.schemaResource(type, 1));
    }

    static JsonNode asyncApi() {
        return readYaml(EventContracts.ASYNCAPI_RESOURCE);
    }

    /** A fresh, mutable copy of the first example of an event type's schema. */
    static ObjectNode example(String type) {
        JsonNode examples = schemaNode(type).path("examples");
        if (!examples.isArray() || examples.isEmpty()) {
            throw new IllegalStateException("The schema of " + type + " has no examples");
        }
        return (ObjectNode) examples.get(0).deepCopy();
    }

    /** Calls back with every {@code $ref} value in a tree and the JSON pointer of the object holding it. */
    static void forEachRef(JsonNode node, BiConsumer<String, String> callback) {
        walk(node, "", callback);
    }

    private static void walk(JsonNode node, String pointer, BiConsumer<String, String> callback) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                callback.accept(pointer, ref.stringValue());
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(e.getValue(), pointer + "/" + escape(e.getKey()), callback);
            }
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>(node.values());
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), pointer + "/" + i, callback);
            }
        }
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static InputStream open(String resource) {
        InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No classpath resource " + resource);
        }
        return in;
    }
}
