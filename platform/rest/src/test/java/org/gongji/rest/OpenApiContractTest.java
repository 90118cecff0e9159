package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checker every API test's answers pass through refuses what the document does not describe. */
class OpenApiContractTest {

    static OpenApiContract contract;

    static final String INSTITUTION = """
            {"institutionId":"H1","name":"焦作市人民医院","region":"410800","level":"TERTIARY","provincial":false}""";

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/org/gongji/rest/internal/openapi.json")) {
            contract = new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anAnswerAsDescribedPasses() {
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 200, "application/json", null, INSTITUTION)).isEmpty();
        // a name may be null (it is optional when the institution is written)
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 200, "application/json", null,
                INSTITUTION.replace("\"焦作市人民医院\"", "null"))).isEmpty();
    }

    @Test
    void aNullWhereTheDocumentSaysNonNullFails() {
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 200, "application/json", null,
                INSTITUTION.replace("\"410800\"", "null"))).singleElement().asString().contains("/region");
    }

    @Test
    void aMissingFieldFails() {
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 200, "application/json", null,
                INSTITUTION.replace(",\"provincial\":false", ""))).singleElement().asString().contains("provincial");
    }

    @Test
    void aStatusOrCodeTheOperationDoesNotDeclareFails() {
        String problem = """
                {"type":"https://gongji.org/problems/x","title":"X","status":%d,"detail":"d","code":"%s"}""";
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 404, "application/problem+json", null,
                problem.formatted(404, "UNKNOWN_INSTITUTION"))).isEmpty();
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 404, "application/problem+json", null,
                problem.formatted(404, "UNKNOWN_PERSON"))).singleElement().asString().contains("/code");
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 409, "application/problem+json", null,
                problem.formatted(409, "ALREADY_REVERSED"))).singleElement().asString().contains("declares");
        assertThat(contract.violations("GET", "/api/v1/institutions/H1", 200, "text/plain", null, INSTITUTION))
                .singleElement().asString().contains("application/json");
    }

    @Test
    void aServerErrorIsNeverAnAnswerAndA405NamesTheMethods() {
        assertThat(contract.violations("GET", "/api/v1/regions", 500, "application/problem+json", null, "{}")).hasSize(1);
        assertThat(contract.violations("DELETE", "/api/v1/regions", 405, "application/problem+json", null, "{}")).hasSize(1);
        assertThat(contract.violations("DELETE", "/api/v1/regions", 405, "application/problem+json", "GET, OPTIONS", "{}"))
                .isEmpty();
        assertThat(contract.violations("GET", "/api/v1/nowhere", 404, "application/problem+json", null, "{}")).isEmpty();
        // a literal path is matched before a variable one: GET /settlements/preview is not GET /settlements/{id}
        assertThat(contract.template("/api/v1/settlements/preview")).contains("/api/v1/settlements/preview");
    }
}
