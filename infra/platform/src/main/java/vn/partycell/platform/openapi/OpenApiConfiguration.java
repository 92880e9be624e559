package vn.partycell.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import vn.partycell.platform.security.Caller;

/**
 * Every service's OpenAPI document says the same true things: bearer JWT on every operation, the
 * problem+json answers a client must handle, and a server URL relative to wherever it is served
 * (the gateway links each document under {@code /v3/api-docs/<service>}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";
    static final String PROBLEM = "Problem";

    static {
        // The caller comes from the token, not from the request: keep it out of the parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI partycellOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "partycell");
        return new OpenAPI()
                .info(new Info()
                        .title(name)
                        .version("v1")
                        .description(
                                "PartyCell — " + name + ". Mọi lời gọi cần mã truy cập (JWT) với member_id và grants;"
                                        + " lỗi trả về theo RFC 9457 (application/problem+json).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("Qua gateway hoặc trực tiếp dịch vụ")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Adds the problem answers every operation can give, unless the operation documents its own, and
     * leaves out the error path: it answers the container's own errors, it is not part of the API.
     */
    @Bean
    OpenApiCustomizer problemResponses(Environment environment) {
        String errorPath = environment.getProperty("spring.web.error.path", "/error");
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().remove(errorPath);
            // Added here, after the scan: springdoc rebuilds the schemas from the controllers' types.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                        add(operation, "400", "Dữ liệu không hợp lệ (danh sách trường trong errors)");
                        add(operation, "401", "Thiếu hoặc sai mã truy cập");
                        add(operation, "403", "Không có quyền trên tổ chức này");
                        add(operation, "404", "Không tìm thấy, hoặc ngoài phạm vi được giao");
                        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                            add(operation, "409", "Xung đột: trùng dữ liệu, phiên bản cũ, hoặc bản ghi đã chốt");
                            add(operation, "422", "Vi phạm quy định nghiệp vụ");
                        }
                    }));
        };
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation
                .getResponses()
                .computeIfAbsent(
                        status,
                        s -> new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json",
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.setProperties(Map.of(
                "field", new StringSchema(),
                "message", new StringSchema(),
                "rejectedValue", new Schema<>()));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem details, with a stable code and, for validation, every invalid field");
        problem.setProperties(Map.of(
                "type", new StringSchema().format("uri"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema(),
                "instance", new StringSchema(),
                "code", new StringSchema(),
                "errors", new ArraySchema().items(fieldError)));
        return problem;
    }
}
