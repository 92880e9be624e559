package vn.partycell.platform.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import vn.partycell.contracts.EventContracts;

/**
 * The JSON Schemas of the event contracts, loaded from the contracts jar and compiled once each:
 * draft 2020-12 with format assertions, errors located by JSON pointer. Consumers check payloads
 * with it; tests check what producers publish with the same rules.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(
                            EventContracts.SCHEMA_BASE_URI, "classpath:" + EventContracts.SCHEMA_RESOURCE_DIR))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** The violations of {@code payload} against the schema of {@code type} at {@code major}. */
    public static List<Error> validate(String type, int major, JsonNode payload) {
        Schema schema = SCHEMAS.computeIfAbsent(
                EventContracts.schemaUri(type, major), uri -> REGISTRY.getSchema(SchemaLocation.of(uri)));
        return schema.validate(payload);
    }
}
