package io.duckforge.access;

import io.duckforge.access.Credentials.Role;
import io.duckforge.access.Endpoints.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Every endpoint, with no credentials, bad ones, the wrong grant and the right one, as a JWT and as an API key. */
@QuarkusTest
@TestProfile(AccessProfile.class)
class AccessControlTest {

    /** How a role presents itself. */
    enum Presented {
        JWT_RS256(role -> given().auth().oauth2(Credentials.rsaToken(role))),
        JWT_ES256(role -> given().auth().oauth2(Credentials.ecToken(role))),
        API_KEY_HEADER(role -> given().header("X-API-Key", role.apiKey())),
        API_KEY_BEARER(role -> given().auth().oauth2(role.apiKey()));

        final Function<Role, RequestSpecification> as;

        Presented(Function<Role, RequestSpecification> as) {
            this.as = as;
        }
    }

    /** Each time, as RestAssured knows the test port only per test; a second declaration is a 409, harmless. */
    @BeforeEach
    void declareDatasets() {
        for (String name : new String[]{"guarded", "other"}) {
            given().header("X-API-Key", Role.ADMIN.apiKey()).contentType(ContentType.JSON)
                    .body("{\"name\": \"" + name + "\", \"properties\": [{\"name\": \"label\", \"type\": \"string\"}, "
                            + "{\"name\": \"amount\", \"type\": \"integer\"}]}")
                    .when().post("/api/v1/schemas").then().statusCode(anyOf(is(201), is(409)));
        }
    }

    static Stream<Endpoint> endpoints() {
        return Endpoints.all().stream();
    }

    static Stream<Arguments> endpointsByCredential() {
        return Endpoints.all().stream().flatMap(endpoint -> Stream.of(Presented.values()).map(kind -> Arguments.of(endpoint, kind)));
    }

    private static Role rightRole(Endpoint endpoint) {
        if (endpoint.need() == null) {
            return Role.READER;
        }
        return switch (endpoint.need()) {
            case READ -> Role.READER;
            case WRITE -> Role.WRITER;
            case MANAGE -> Role.MANAGER;
            case ADMIN -> Role.ADMIN;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutCredentialsEveryEndpointAnswers401WithABearerChallenge(Endpoint endpoint) {
        endpoint.call().apply(given()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aTokenSignedByAnotherKeyIs401(Endpoint endpoint) {
        endpoint.call().apply(given().auth().oauth2(Credentials.forgedToken(Role.ADMIN))).then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anExpiredTokenIs401(Endpoint endpoint) {
        endpoint.call().apply(given().auth().oauth2(Credentials.expiredToken(Role.ADMIN))).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anUnknownApiKeyIs401(Endpoint endpoint) {
        endpoint.call().apply(given().header("X-API-Key", "not-a-key-of-anyone")).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsByCredential")
    void theWrongGrantIs403NamingTheGrantOr404WhenTheDatasetIsNotReadable(Endpoint endpoint, Presented kind) {
        if (endpoint.lacking() == null) {
            return; // the dataset list has no wrong grant: it shows each caller what they may read
        }
        int status = endpoint.call().apply(kind.as.apply(endpoint.lacking())).then().extract().statusCode();
        if (endpoint.need() == Need.READ) {
            assertThat(status).as("a dataset the caller may not read is answered as absent").isEqualTo(404);
        } else {
            endpoint.call().apply(kind.as.apply(endpoint.lacking())).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("grant"))
                    .body("errors[0].message", startsWith(Grant.text(endpoint.need(), "")));
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsByCredential")
    void theRightGrantIsServed(Endpoint endpoint, Presented kind) {
        endpoint.call().apply(kind.as.apply(rightRole(endpoint))).then().statusCode(endpoint.expected());
    }

    @Test
    void theDatasetListShowsOnlyWhatTheCallerMayRead() {
        given().header("X-API-Key", Role.READER.apiKey()).when().get("/api/v1/schemas").then().statusCode(200)
                .body("name", hasItem("guarded")).body("name", not(hasItem("other")));
    }

    @Test
    void aTokenWithAnotherIssuerIs401() {
        given().auth().oauth2(Credentials.wrongIssuerToken(Role.ADMIN)).when().get("/api/v1/schemas").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        given().auth().oauth2(Credentials.wrongAudienceToken(Role.ADMIN)).when().get("/api/v1/schemas").then().statusCode(401);
    }

    @Test
    void aTokenNotValidYetIs401() {
        given().auth().oauth2(Credentials.notYetValidToken(Role.ADMIN)).when().get("/api/v1/schemas").then().statusCode(401);
    }

    @Test
    void anUnsignedTokenIs401() {
        given().auth().oauth2(Credentials.unsignedToken(Role.ADMIN)).when().get("/api/v1/schemas").then().statusCode(401);
    }

    @Test
    void anHmacTokenSignedWithThePublicKeyIs401() {
        given().auth().oauth2(Credentials.publicKeyAsHmacSecretToken(Role.ADMIN)).when().get("/api/v1/schemas").then().statusCode(401);
    }

    @Test
    void aMigrationRecordsTheCallerAsWhoAppliedIt() {
        given().auth().oauth2(Credentials.rsaToken(Role.MANAGER)).contentType(ContentType.JSON)
                .body("{\"changes\": [{\"op\": \"add_property\", \"property\": {\"name\": \"note_" + System.nanoTime() + "\", \"type\": \"string\"}}]}")
                .when().patch("/api/v1/schemas/guarded").then().statusCode(200);

        given().header("X-API-Key", Role.READER.apiKey()).when().get("/api/v1/schemas/guarded/migrations").then().statusCode(200)
                .body("applied_by", hasItem("manager@example.test"));
    }

    @Test
    void aBackupIsAuditedWithPrincipalActionDatasetOutcomeAndRequestId() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger("duckforge.audit");
        audit.addHandler(capture);
        try {
            given().auth().oauth2(Credentials.ecToken(Role.ADMIN)).header("X-Request-Id", "req-audit-1")
                    .when().post("/api/v1/admin/backup").then().statusCode(200);
        } finally {
            audit.removeHandler(capture);
        }

        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("principal=admin@example.test", "action=backup", "dataset=*", "outcome=success", "request_id=req-audit-1"));
    }
}
