package io.duckforge.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The schema API against the packaged artifact: the jar here, the native binary where the native profile built one. */
@QuarkusIntegrationTest
class SchemaResourceIT extends SchemaResourceTest {
}
