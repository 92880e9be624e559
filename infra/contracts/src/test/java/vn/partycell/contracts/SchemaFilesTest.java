package vn.partycell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** The schema files themselves: where they are, what they say about themselves, how they refer. */
class SchemaFilesTest {

    static final List<String> TYPES = EventContracts.EVENT_TYPES;

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void everyEventTypeHasASchemaWhoseIdIsItsDataschemaUri(String type) {
        String resource = EventContracts.schemaResource(type, 1);
        assertThat(Contracts.exists(resource)).as(resource).isTrue();

        JsonNode schema = Contracts.readJson(resource);

        assertThat(schema.path("$schema").stringValue()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("$id").stringValue()).isEqualTo(EventContracts.schemaUri(type, 1));
        assertThat(schema.path("title").stringValue()).isNotBlank();
        assertThat(schema.path("description").stringValue()).contains(type).containsPattern("[ạ-ỹđà-ú]");
        assertThat(schema.path("type").stringValue()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(true))
                .as("consumers must accept fields added later")
                .isTrue();
        // The registry finds it by $id alone, through the prefix mapping onto the classpath.
        assertThat(Contracts.schema(type).getId()).isEqualTo(EventContracts.schemaUri(type, 1));
    }

    @Test
    void theDirectoryHoldsExactlyTheKnownTypesAndTheCommonDefinitions() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass()
                .getClassLoader()
                .getResource(EventContracts.SCHEMA_RESOURCE_DIR)
                .toURI());
        List<String> expected = new ArrayList<>();
        TYPES.forEach(t -> expected.add(t + ".v1.json"));
        expected.add("common.v1.json");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
        JsonNode common = Contracts.readJson(EventContracts.commonSchemaResource(1));
        assertThat(common.path("$id").stringValue()).isEqualTo(EventContracts.commonSchemaUri(1));
        assertThat(common.path("$schema").stringValue()).isEqualTo(DRAFT_2020_12);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void everyPropertyIsDescribed(String type) {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(Contracts.schemaNode(type), "", undescribed);
        assertThat(undescribed).isEmpty();
        assertThat(Contracts.schemaNode(type).path("properties").size()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void everySharedDefinitionIsDescribed() {
        JsonNode defs =
                Contracts.readJson(EventContracts.commonSchemaResource(1)).path("$defs");
        assertThat(defs.propertyNames()).contains("uuid", "orgPath", "date", "instant", "version");
        for (Map.Entry<String, JsonNode> def : defs.properties()) {
            assertThat(def.getValue().path("description").stringValue())
                    .as(def.getKey())
                    .isNotBlank();
        }
    }

    /**
     * Refs are written relative ({@code common.v1.json#/$defs/uuid}) so that file-based tools (the
     * AsyncAPI parser) find the sibling file; resolved against the schema's {@code $id} they are the
     * absolute {@code https://schemas.partycell.vn/events/common.v1.json#/$defs/...} URIs, and each
     * names a definition that exists.
     */
    @Test
    void everyRefResolvesAgainstTheIdToAnExistingSharedDefinition() {
        JsonNode common = Contracts.readJson(EventContracts.commonSchemaResource(1));
        List<String> checked = new ArrayList<>();
        for (String type : TYPES) {
            JsonNode schema = Contracts.schemaNode(type);
            URI base = URI.create(schema.path("$id").stringValue());
            Contracts.forEachRef(schema, (at, ref) -> {
                URI resolved = base.resolve(ref);
                assertThat(resolved.toString())
                        .as("%s %s", type, at)
                        .startsWith(EventContracts.commonSchemaUri(1) + "#/$defs/");
                assertThat(common.at(resolved.getFragment()).isMissingNode())
                        .as("%s %s -> %s", type, at, resolved)
                        .isFalse();
                // The validator resolves the same absolute URI through the classpath mapping.
                assertThat(Contracts.REGISTRY
                                .getSchema(SchemaLocation.of(resolved.toString()))
                                .getSchemaNode()
                                .isObject())
                        .isTrue();
                checked.add(resolved.toString());
            });
        }
        assertThat(checked).hasSizeGreaterThan(30);
        Contracts.forEachRef(
                common,
                (at, ref) -> assertThat(common.at(ref.substring(1)).isMissingNode())
                        .as("common %s", at)
                        .isFalse());
    }

    private static void collectUndescribed(JsonNode schema, String at, List<String> undescribed) {
        JsonNode props = schema.path("properties");
        for (Map.Entry<String, JsonNode> p : props.properties()) {
            String path = at + "/" + p.getKey();
            JsonNode prop = p.getValue();
            if (prop.path("description").stringValue("").isBlank()) {
                undescribed.add(path);
            }
            collectUndescribed(prop, path, undescribed);
            if (prop.has("items")) {
                if (prop.path("items").path("description").stringValue("").isBlank()) {
                    undescribed.add(path + "[]");
                }
                collectUndescribed(prop.path("items"), path + "[]", undescribed);
            }
        }
    }
}
