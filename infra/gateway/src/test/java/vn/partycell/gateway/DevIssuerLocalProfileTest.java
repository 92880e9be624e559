package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dev token issuer of the local profile, over real HTTP, with a temporary key and users file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class DevIssuerLocalProfileTest {

    static final Path DATA = temporaryDirectory();
    static final Path KEY_FILE = DATA.resolve("keys/dev-issuer-key.json");
    static final Path USERS_FILE = DATA.resolve("demo-users.json");
    static final String ISSUER = "http://localhost:8080/dev";

    static final String SECRETARY_ID = "6f1c2d0e-8a4b-4c3d-9e2f-1a2b3c4d5e6f";
    static final String MEMBER_ID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String USERS = """
            {"users":[
              {"username":"bi-thu-cb01","displayName":"Nguyễn Văn An","memberId":"%s",
               "grants":[{"org":"/hy/du-khoi-ccq/cb-so-tu-phap/","role":"secretary"}]},
              {"username":"dang-vien-01","displayName":"Lê Thị Hoa","memberId":"%s",
               "grants":[{"org":"/hy/du-khoi-ccq/cb-so-tu-phap/","role":"member"},
                         {"org":"/hy/du-khoi-ccq/","role":"committee"}]}
            ]}
            """.formatted(SECRETARY_ID, MEMBER_ID);

    @DynamicPropertySource
    static void devFiles(DynamicPropertyRegistry registry) {
        registry.add("partycell.dev.key-file", KEY_FILE::toString);
        registry.add("partycell.dev.users-file", USERS_FILE::toString);
        registry.add("partycell.dev.issuer", () -> ISSUER);
    }

    @AfterAll
    static void removeData() throws IOException {
        try (Stream<Path> files = Files.walk(DATA)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @LocalServerPort
    int port;

    GatewayHttp http;

    @BeforeEach
    void setUp() throws IOException {
        http = new GatewayHttp(port);
        Files.writeString(USERS_FILE, USERS, StandardCharsets.UTF_8);
    }

    @Test
    void jwksServesThePublicKeyOnly() throws Exception {
        var response = http.get("/dev/jwks");

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JWKSet jwks = JWKSet.parse(response.body());
        assertThat(jwks.getKeys()).hasSize(1);
        RSAKey key = jwks.getKeys().getFirst().toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void tokensHoldAdminAndTheFileUsersEachVerifiedAgainstTheJwks() throws Exception {
        var response = http.get("/dev/tokens");

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        Map<String, Object> tokens = response.json();
        assertThat(tokens).containsOnlyKeys("admin", "bi-thu-cb01", "dang-vien-01");

        JWKSet jwks = JWKSet.parse(http.get("/dev/jwks").body());
        JWTClaimsSet admin = verified((String) tokens.get("admin"), jwks);
        assertThat(admin.getSubject()).isEqualTo("admin");
        assertThat(admin.getStringClaim("name")).isEqualTo("Quản trị hệ thống");
        assertThat(admin.getClaims()).doesNotContainKey("member_id");
        assertThat(admin.getClaim("grants")).isEqualTo(List.of(Map.of("org", "/", "role", "admin")));

        JWTClaimsSet secretary = verified((String) tokens.get("bi-thu-cb01"), jwks);
        assertThat(secretary.getSubject()).isEqualTo("bi-thu-cb01");
        assertThat(secretary.getStringClaim("name")).isEqualTo("Nguyễn Văn An");
        assertThat(secretary.getStringClaim("member_id")).isEqualTo(SECRETARY_ID);
        assertThat(secretary.getClaim("grants"))
                .isEqualTo(List.of(Map.of("org", "/hy/du-khoi-ccq/cb-so-tu-phap/", "role", "secretary")));

        JWTClaimsSet member = verified((String) tokens.get("dang-vien-01"), jwks);
        assertThat(member.getStringClaim("member_id")).isEqualTo(MEMBER_ID);
        assertThat(member.getClaim("grants"))
                .isEqualTo(List.of(
                        Map.of("org", "/hy/du-khoi-ccq/cb-so-tu-phap/", "role", "member"),
                        Map.of("org", "/hy/du-khoi-ccq/", "role", "committee")));
    }

    @Test
    void tokensAreFreshForThirtyDaysFromTheConfiguredIssuerWithExactlyTheAgreedClaims() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        JWKSet jwks = JWKSet.parse(http.get("/dev/jwks").body());
        String token = (String) http.get("/dev/tokens").json().get("bi-thu-cb01");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID())
                .isEqualTo(jwks.getKeys().getFirst().getKeyID());
        JWTClaimsSet claims = verified(token, jwks);
        assertThat(claims.getClaims().keySet())
                .containsExactlyInAnyOrder("iss", "aud", "sub", "name", "member_id", "grants", "iat", "exp");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("partycell");
        assertThat(claims.getIssueTime().toInstant())
                .isBetween(before, Instant.now().plusSeconds(1));
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void usersFileIsReadAgainOnEveryRequest() throws IOException {
        Files.writeString(USERS_FILE, """
                {"users":[{"username":"cap-uy-01","displayName":"Phạm Minh Đức",
                  "memberId":"11111111-2222-4333-8444-555555555555",
                  "grants":[{"org":"/hy/","role":"superior"}]}]}
                """, StandardCharsets.UTF_8);
        assertThat(http.get("/dev/tokens").json()).containsOnlyKeys("admin", "cap-uy-01");

        Files.delete(USERS_FILE);
        assertThat(http.get("/dev/tokens").json()).containsOnlyKeys("admin");
    }

    @Test
    void oneUsersTokenComesWithItsClaims() throws Exception {
        var response = http.get("/dev/tokens/bi-thu-cb01");

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = response.json();
        assertThat(body).containsOnlyKeys("username", "token", "claims").containsEntry("username", "bi-thu-cb01");
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) body.get("claims");
        assertThat(claims)
                .containsEntry("sub", "bi-thu-cb01")
                .containsEntry("name", "Nguyễn Văn An")
                .containsEntry("member_id", SECRETARY_ID)
                .containsEntry("iss", ISSUER)
                .containsEntry("grants", List.of(Map.of("org", "/hy/du-khoi-ccq/cb-so-tu-phap/", "role", "secretary")));
        JWTClaimsSet verified = verified(
                (String) body.get("token"), JWKSet.parse(http.get("/dev/jwks").body()));
        assertThat(((Number) claims.get("exp")).longValue())
                .isEqualTo(verified.getExpirationTime().toInstant().getEpochSecond());
    }

    @Test
    void unknownUserIsA404Problem() {
        var response = http.get("/dev/tokens/khong-co-ai");

        assertThat(response.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.json())
                .containsEntry("status", 404)
                .containsEntry("title", "Not Found")
                .containsEntry("detail", "Không có người dùng thử nghiệm 'khong-co-ai'.")
                .containsEntry("instance", "/dev/tokens/khong-co-ai");
    }

    @Test
    void invalidUsersFileIsAProblemNamingTheFault() throws IOException {
        Files.writeString(
                USERS_FILE,
                "{\"users\":[{\"username\":\"x\",\"displayName\":\"X\",\"grants\":[{\"org\":\"hy\",\"role\":\"member\"}]}]}",
                StandardCharsets.UTF_8);

        var response = http.get("/dev/tokens");

        assertThat(response.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) response.json().get("detail")).contains("không hợp lệ", "org", "hy");
    }

    @Test
    void keyIsSavedAndReusedByTheNextStart() throws Exception {
        RSAKey served =
                JWKSet.parse(http.get("/dev/jwks").body()).getKeys().getFirst().toRSAKey();
        assertThat(KEY_FILE).exists();
        RSAKey saved = RSAKey.parse(Files.readString(KEY_FILE));
        assertThat(saved.isPrivate()).isTrue();
        assertThat(saved.getKeyID()).isEqualTo(served.getKeyID());

        String tokenBeforeRestart = (String) http.get("/dev/tokens").json().get("admin");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--partycell.dev.key-file=" + KEY_FILE,
                        "--partycell.dev.users-file=" + USERS_FILE,
                        "--partycell.dev.issuer=" + ISSUER)) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            JWKSet secondJwks =
                    JWKSet.parse(new GatewayHttp(secondPort).get("/dev/jwks").body());
            RSAKey reused = secondJwks.getKeys().getFirst().toRSAKey();

            assertThat(reused.getKeyID()).isEqualTo(served.getKeyID());
            assertThat(reused.getModulus()).isEqualTo(served.getModulus());
            assertThat(verified(tokenBeforeRestart, secondJwks).getSubject()).isEqualTo("admin");
        }
    }

    private static JWTClaimsSet verified(String token, JWKSet jwks) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key)))
                .as("signature verifies against /dev/jwks")
                .isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gateway-dev-issuer");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
