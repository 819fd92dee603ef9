package io.duckforge.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The record API against the packaged artifact: the jar here, the native binary where the native profile built one. */
@QuarkusIntegrationTest
class RecordResourceIT extends RecordResourceTest {
}
