package io.duckforge.access;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.function.Function;

import static io.restassured.RestAssured.given;

/**
 * Every endpoint of the API, called on the dataset {@code guarded} with a body that succeeds for a caller with the
 * right grant, and the role that lacks it. {@code EveryEndpointDeclaresItsAccessTest} keeps this list complete.
 */
final class Endpoints {

    /**
     * @param need     what the endpoint needs; null for the dataset list, which any known caller may read (filtered)
     * @param lacking  a role with credentials that verify but without that need
     * @param expected the status a caller with the right grant gets
     */
    record Endpoint(String name, Need need, Credentials.Role lacking, int expected, Function<RequestSpecification, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String RECORD = "{\"label\": \"a\", \"amount\": 1}";

    private Endpoints() {
    }

    static List<Endpoint> all() {
        return List.of(
                new Endpoint("GET /schemas", null, null, 200, request -> request.get("/api/v1/schemas")),
                new Endpoint("GET /schemas/{schema}", Need.READ, Credentials.Role.OUTSIDER, 200, request -> request.get("/api/v1/schemas/guarded")),
                new Endpoint("GET /schemas/{schema}/migrations", Need.READ, Credentials.Role.OUTSIDER, 200,
                        request -> request.get("/api/v1/schemas/guarded/migrations")),
                new Endpoint("POST /schemas", Need.MANAGE, Credentials.Role.WRITER, 201, request -> request.contentType(ContentType.JSON)
                        .body("{\"name\": \"declared_" + System.nanoTime() + "\", \"properties\": [{\"name\": \"x\", \"type\": \"string\"}]}")
                        .post("/api/v1/schemas")),
                new Endpoint("PATCH /schemas/{schema}", Need.MANAGE, Credentials.Role.WRITER, 200, request -> request.contentType(ContentType.JSON)
                        .body("{\"changes\": [{\"op\": \"add_index\", \"name\": \"label\"}], \"dry_run\": true}")
                        .patch("/api/v1/schemas/guarded")),
                new Endpoint("DELETE /schemas/{schema}", Need.MANAGE, Credentials.Role.WRITER, 400,
                        request -> request.delete("/api/v1/schemas/guarded?confirm=not-the-name")),
                new Endpoint("POST /records", Need.WRITE, Credentials.Role.READER, 201, request -> request.contentType(ContentType.JSON)
                        .body("{\"schema_name\": \"guarded\", \"data\": " + RECORD + "}").post("/api/v1/records")),
                new Endpoint("POST /records/{schema}", Need.WRITE, Credentials.Role.READER, 201,
                        request -> request.contentType(ContentType.JSON).body(RECORD).post("/api/v1/records/guarded")),
                new Endpoint("POST /records/bulk", Need.WRITE, Credentials.Role.READER, 201, request -> request.contentType(ContentType.JSON)
                        .body("{\"schema_name\": \"guarded\", \"data\": [" + RECORD + "]}").post("/api/v1/records/bulk")),
                new Endpoint("POST /records/{schema}/bulk JSON", Need.WRITE, Credentials.Role.READER, 201,
                        request -> request.contentType(ContentType.JSON).body("[" + RECORD + "]").post("/api/v1/records/guarded/bulk")),
                new Endpoint("POST /records/{schema}/bulk NDJSON", Need.WRITE, Credentials.Role.READER, 201,
                        request -> request.contentType("application/x-ndjson").body((RECORD + "\n").getBytes())
                                .post("/api/v1/records/guarded/bulk")),
                new Endpoint("POST /records/{schema}/bulk CSV", Need.WRITE, Credentials.Role.READER, 201,
                        request -> request.contentType("text/csv").body("label,amount\nb,2\n".getBytes()).post("/api/v1/records/guarded/bulk")),
                new Endpoint("POST /records/{schema}/bulk Parquet", Need.WRITE, Credentials.Role.READER, 400,
                        request -> request.contentType("application/vnd.apache.parquet").body("not parquet".getBytes())
                                .post("/api/v1/records/guarded/bulk")),
                new Endpoint("POST /records/{schema}/bulk Arrow", Need.WRITE, Credentials.Role.READER, 400,
                        request -> request.contentType("application/vnd.apache.arrow.stream").body(new byte[0])
                                .post("/api/v1/records/guarded/bulk")),
                new Endpoint("GET /records/{schema}", Need.READ, Credentials.Role.OUTSIDER, 200, request -> request.get("/api/v1/records/guarded")),
                new Endpoint("GET /records/{schema}/count", Need.READ, Credentials.Role.OUTSIDER, 200,
                        request -> request.get("/api/v1/records/guarded/count")),
                new Endpoint("POST /records/{schema}/query", Need.READ, Credentials.Role.OUTSIDER, 200,
                        request -> request.contentType(ContentType.JSON).body("{\"size\": 5}").post("/api/v1/records/guarded/query")),
                new Endpoint("GET /records/{schema}/stream", Need.READ, Credentials.Role.OUTSIDER, 200,
                        request -> request.get("/api/v1/records/guarded/stream")),
                new Endpoint("GET /records/{schema}/aggregate", Need.READ, Credentials.Role.OUTSIDER, 200,
                        request -> request.queryParam("group_by", "[\"label\"]").get("/api/v1/records/guarded/aggregate")),
                new Endpoint("POST /records/{schema}/aggregate", Need.READ, Credentials.Role.OUTSIDER, 200,
                        request -> request.contentType(ContentType.JSON).body("{\"metrics\": [{\"fn\": \"sum\", \"field\": \"amount\"}]}")
                                .post("/api/v1/records/guarded/aggregate")),
                new Endpoint("GET /records/{schema}/{id}", Need.READ, Credentials.Role.OUTSIDER, 200,
                        request -> request.get("/api/v1/records/guarded/" + existingRecord())),
                new Endpoint("PUT /records/{schema}/{id}", Need.WRITE, Credentials.Role.READER, 200,
                        request -> request.contentType(ContentType.JSON).body(RECORD).put("/api/v1/records/guarded/" + existingRecord())),
                new Endpoint("PATCH /records/{schema}/{id}", Need.WRITE, Credentials.Role.READER, 200,
                        request -> request.contentType("application/merge-patch+json").body("{\"amount\": 5}")
                                .patch("/api/v1/records/guarded/" + existingRecord())),
                new Endpoint("DELETE /records/{schema}/{id}", Need.WRITE, Credentials.Role.READER, 204,
                        request -> request.delete("/api/v1/records/guarded/" + existingRecord())),
                new Endpoint("DELETE /records/{schema}", Need.WRITE, Credentials.Role.READER, 200,
                        request -> request.queryParam("filters", "[{\"field\": \"label\", \"operator\": \"eq\", \"value\": \"nobody\"}]")
                                .delete("/api/v1/records/guarded")),
                new Endpoint("POST /admin/backup", Need.ADMIN, Credentials.Role.MANAGER, 200, request -> request.post("/api/v1/admin/backup")));
    }

    /** A record of {@code guarded}, created by the admin key for the call about to be made. */
    static String existingRecord() {
        return given().header("X-API-Key", Credentials.Role.ADMIN.apiKey()).contentType(ContentType.JSON).body(RECORD)
                .when().post("/api/v1/records/guarded").then().statusCode(201).extract().path("id");
    }
}
