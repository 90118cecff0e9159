package org.gongji.rest;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrator contract over real HTTP: Derby in a temporary folder, Jiaozuo's rules, the server
 * on a free port. Each test registers a person of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient api;
    int tests;
    String person;

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        api = ApiClient.admin(store, server.baseUri());
        assertThat(api.put("/api/v1/institutions/H1",
                "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}").status())
                .isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    @BeforeEach
    void registerPerson() {
        person = "P" + (++tests);
        Reply r = api.put("/api/v1/persons/" + person, """
                {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800",
                 "monthlyContributionBase":6000.00,"family":[{"personId":"C%s","relation":"CHILD"}]}""".formatted(person));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        api.put("/api/v1/persons/C" + person, """
                {"name":"子女","birthDate":"2010-05-01","category":"EMPLOYED","region":"410800"}""");
    }

    static String visit(String person, String amount) {
        return visit(person, "2024-03-05", amount);
    }

    static String visit(String person, String date, String amount) {
        return """
                {"personId":"%s","institutionId":"H1","date":"%s","medType":"GENERAL_OUTPATIENT",
                 "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":%s}]}""".formatted(person, date, amount);
    }

    /** Credits January 2024 (2% × 6000.00 = 120.00, ASSUMPTION row of Jiaozuo) to whoever has not had it. */
    void credit(String month) {
        assertThat(api.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"" + month + "\"}").status())
                .isEqualTo(200);
    }

    BigDecimal pooled(String person) {
        return api.get("/api/v1/persons/" + person + "/accumulators?year=2024").json()
                .path("benefits").path("GENERAL_OUTPATIENT").path("poolPaid").decimalValue();
    }

    BigDecimal balance(String person) {
        return api.get("/api/v1/persons/" + person + "/account").json().path("balance").decimalValue();
    }

    @Test
    void aSettlementIsBookedAndAnsweredWithItsLocation() {
        credit("2024-01");
        Reply r = api.post("/api/v1/settlements", visit(person, "300.00"));

        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.location()).endsWith("/api/v1/settlements/" + r.json().path("settlementId").asText());
        // 焦政办〔2022〕22号 二(一): 50.00 per visit at a tertiary hospital, 50% above it; money with two decimals
        assertThat(r.raw()).contains("\"deductiblePaid\":50.00", "\"poolPaid\":125.00", "\"poolRatio\":0.5",
                "\"accountPaid\":120.00", "\"cashPaid\":55.00", "\"accountBalance\":0.00");
        BigDecimal total = r.json().path("totalAmount").decimalValue();
        assertThat(total).isEqualByComparingTo(r.json().path("fundPaid").decimalValue()
                .add(r.json().path("personalPart").decimalValue()));
        assertThat(r.json().path("personalPart").decimalValue()).isEqualByComparingTo(
                r.json().path("accountPaid").decimalValue().add(r.json().path("cashPaid").decimalValue()));
        assertThat(r.json().path("trace").get(0).has("citation")).isTrue();

        Reply again = api.get(r.location());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(r.json());
    }

    @Test
    void aPreviewBooksNothing() {
        Reply r = api.post("/api/v1/settlements/preview", visit(person, "300.00"));

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("poolPaid").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(r.json().path("settlementId").isNull()).isTrue();
        assertThat(pooled(person)).isEqualByComparingTo("0");
        assertThat(api.get("/api/v1/persons/" + person + "/account").json().path("entries")).isEmpty();
    }

    @Test
    void aReversalRestoresAccumulatorsAndAccountExactlyAndASecondIsRefused() {
        credit("2024-01");
        api.post("/api/v1/settlements", visit(person, "60.00"));
        String accumulatorsBefore = api.get("/api/v1/persons/" + person + "/accumulators?year=2024").raw();
        BigDecimal balanceBefore = balance(person);
        String id = api.post("/api/v1/settlements", visit(person, "333.33")).json().path("settlementId").asText();

        Reply reversed = api.post("/api/v1/settlements/" + id + "/reversal", "");

        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        assertThat(reversed.json().path("status").asText()).isEqualTo("REVERSED");
        assertThat(api.get("/api/v1/persons/" + person + "/accumulators?year=2024").raw()).isEqualTo(accumulatorsBefore);
        assertThat(balance(person)).isEqualByComparingTo(balanceBefore);
        Reply twice = api.post("/api/v1/settlements/" + id + "/reversal", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ALREADY_REVERSED");
        assertThat(balance(person)).isEqualByComparingTo(balanceBefore);
    }

    @Test
    void creditingAMonthTwiceCreditsOnce() {
        Reply first = api.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2023-11\"}");
        Reply second = api.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2023-11\"}");

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().path("personsCredited").asInt()).isPositive();
        assertThat(second.json().path("personsCredited").asInt()).isZero();
        assertThat(second.json().path("totalCredited").decimalValue()).isEqualByComparingTo("0");
        assertThat(second.json().path("personsAlreadyCredited").asInt()).isEqualTo(first.json().path("personsCredited").asInt());
        assertThat(balance(person)).isEqualByComparingTo("120.00");
    }

    @Test
    void anIdempotentRetryReturnsTheFirstSettlement() {
        String key = "retry-" + person;
        Reply first = api.post("/api/v1/settlements", visit(person, "300.00"), key);
        Reply retry = api.post("/api/v1/settlements", visit(person, "300.00"), key);
        Reply other = api.post("/api/v1/settlements", visit(person, "301.00"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.json().path("settlementId")).isEqualTo(first.json().path("settlementId"));
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(pooled(person)).isEqualByComparingTo("125.00");
    }

    @Test
    void everyBadInputIsRefusedWithItsOwnCodeAndBooksNothing() {
        credit("2024-01");
        String p = person;
        assertRefused(api.post("/api/v1/settlements", "{\"personId\":"), 400, "MALFORMED_JSON");
        assertRefused(api.post("/api/v1/settlements", visit(p, "300.00").replace("\"medType\"", "\"medTipe\"")), 400,
                "UNKNOWN_FIELD");
        assertRefused(api.post("/api/v1/settlements", visit(p, "12.345")), 400, "INVALID_AMOUNT");
        assertRefused(api.post("/api/v1/settlements", visit(p, "10.000")), 400, "INVALID_AMOUNT");
        assertRefused(api.post("/api/v1/settlements", visit(p, "0.00")), 400, "INVALID_AMOUNT");
        Reply badEnum = api.post("/api/v1/settlements", visit(p, "10.00").replace("GENERAL_OUTPATIENT", "OUTPATIENT"));
        assertRefused(badEnum, 400, "INVALID_REQUEST");
        assertThat(badEnum.json().path("detail").asText()).contains("'OUTPATIENT'", "medType", "GENERAL_OUTPATIENT")
                .doesNotContain("org.gongji");
        assertRefused(api.post("/api/v1/settlements", visit(p, "-1.00")), 400, "INVALID_AMOUNT");
        assertRefused(api.post("/api/v1/settlements", visit(p, "\"12.00\"")), 400, "INVALID_AMOUNT");
        assertRefused(api.post("/api/v1/settlements", visit(p, "1000000000000.00")), 400, "INVALID_AMOUNT");
        assertRefused(api.post("/api/v1/settlements", visit("nobody", "10.00")), 404, "UNKNOWN_PERSON");
        assertRefused(api.post("/api/v1/settlements", visit(p, "10.00").replace("\"H1\"", "\"H404\"")), 404,
                "UNKNOWN_INSTITUTION");
        // 焦政办〔2022〕22号 三(一): in force from 2022-07-01
        assertRefused(api.post("/api/v1/settlements", visit(p, "2022-06-30", "10.00")), 422, "RULES_NOT_IN_FORCE");
        assertRefused(api.post("/api/v1/settlements/no-such/reversal", ""), 404, "UNKNOWN_SETTLEMENT");
        assertRefused(api.post("/api/v1/settlements", visit(p, "2099-03-05", "10.00")), 422, "DATE_IN_FUTURE");
        // a date-time is not a date: read as its UTC day it could move a visit into another cap year
        Reply dateTime = api.post("/api/v1/settlements", visit(p, "2023-12-31T23:59:59Z", "10.00"));
        assertRefused(dateTime, 400, "INVALID_REQUEST");
        assertThat(dateTime.json().path("detail").asText()).contains("date", "2023-12-31T23:59:59Z");
        assertRefused(api.post("/api/v1/settlements", visit(p, "2024-02-30", "10.00")), 400, "INVALID_REQUEST");
        // a duplicated key must not let a gateway and the platform read different persons
        assertRefused(api.post("/api/v1/settlements", visit(p, "10.00").replaceFirst("\\{", "{\"personId\":\"nobody\",")), 400,
                "MALFORMED_JSON");
        assertRefused(api.put("/api/v1/persons/F" + p, """
                {"birthDate":"2990-05-01","category":"EMPLOYED","region":"410800"}"""), 400, "INVALID_REQUEST");
        assertRefused(api.put("/api/v1/persons/S" + p, """
                {"birthDate":"1980-05-01","category":"EMPLOYED","region":"410800",
                 "family":[{"personId":"S%s","relation":"SPOUSE"}]}""".formatted(p)), 400, "INVALID_REQUEST");
        assertRefused(api.put("/api/v1/persons/D" + p, """
                {"birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","familyDoctorInstitutionId":"H1"}"""), 400,
                "INVALID_REQUEST");
        assertRefused(api.put("/api/v1/institutions/P" + p, """
                {"name":"x","region":"410800","level":"PRIMARY","provincial":true}"""), 400, "INVALID_REQUEST");
        assertRefused(api.put("/api/v1/persons/X" + p, """
                {"birthDate":"1980-05-01","category":"EMPLOYED","region":"990100"}"""), 422, "REGION_NOT_DEPLOYED");
        assertRefused(api.get("/api/v1/regions/990100/rules?date=2024-01-01"), 422, "REGION_NOT_DEPLOYED");
        assertRefused(api.post("/api/v1/persons/" + p + "/account/payments",
                "{\"beneficiaryPersonId\":\"C" + p + "\",\"purpose\":\"MEDICAL_COST\",\"amount\":120.01}"), 422,
                "INSUFFICIENT_BALANCE");
        assertRefused(api.post("/api/v1/persons/" + p + "/account/payments",
                "{\"beneficiaryPersonId\":\"C" + p + "\",\"purpose\":\"FITNESS\",\"amount\":1.00}"), 422,
                "ACCOUNT_USE_NOT_ALLOWED");

        assertThat(pooled(p)).isEqualByComparingTo("0");
        assertThat(balance(p)).isEqualByComparingTo("120.00");
        assertThat(api.get("/api/v1/persons/X" + p).code()).isEqualTo("UNKNOWN_PERSON");
    }

    void assertRefused(Reply r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.raw()).isEqualTo(code);
        assertThat(r.json().path("type").asText()).isNotEmpty();
        assertThat(r.json().path("title").asText()).isNotEmpty();
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("detail").asText()).isNotEmpty();
    }

    @Test
    void theAccountPaysAFamilyMembersPremiumAndShowsItInTheLedger() {
        credit("2024-01");
        Reply paid = api.post("/api/v1/persons/" + person + "/account/payments",
                "{\"beneficiaryPersonId\":\"C" + person + "\",\"purpose\":\"RESIDENT_INSURANCE_PREMIUM\",\"amount\":100.00}");

        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.json().path("relation").asText()).isEqualTo("CHILD");
        assertThat(paid.raw()).contains("\"balance\":20.00");
        Reply account = api.get("/api/v1/persons/" + person + "/account");
        assertThat(account.raw()).contains("\"amount\":-100.00", "\"kind\":\"FAMILY_PAYMENT\"");
    }

    /** 焦政办〔2022〕22号 二(一): the employed person's general-outpatient cap is 1,300.00 a year. */
    @Test
    void sixteenConcurrentClientsOnOnePersonNeverPassTheCap() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Reply>>> futures = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            futures.add(clients.submit(() -> {
                go.await();
                List<Reply> replies = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    replies.add(api.post("/api/v1/settlements", visit(person, "2024-06-01", "1000.00")));
                }
                return replies;
            }));
        }
        go.countDown();
        BigDecimal paid = BigDecimal.ZERO;
        for (Future<List<Reply>> f : futures) {
            for (Reply r : f.get()) {
                assertThat(r.status()).as(r.raw()).isEqualTo(201);
                paid = paid.add(r.json().path("poolPaid").decimalValue());
            }
        }
        clients.shutdown();

        assertThat(paid).isEqualByComparingTo("1300.00");
        assertThat(pooled(person)).isEqualByComparingTo("1300.00");
        assertThat(api.get("/api/v1/persons/" + person + "/accumulators?year=2024").json()
                .path("benefits").path("GENERAL_OUTPATIENT").path("visits").asInt()).isEqualTo(48);
    }

    @Test
    void regionsShowTheirConformanceAndTheirRulesWithCitations() {
        Reply regions = api.get("/api/v1/regions");
        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.json().findValuesAsText("code")).contains("410800");
        assertThat(regions.json().get(0).path("conformance").path("status").asText()).isNotEmpty();

        Reply rules = api.get("/api/v1/regions/410800/rules?date=2024-01-01");
        assertThat(rules.status()).as(rules.raw()).isEqualTo(200);
        assertThat(rules.raw()).contains("\"key\":\"outpatient.cap.employed\",\"value\":1300.00");
        assertThat(rules.json().path("parameters").findValuesAsText("assumption")).contains("true", "false");
        assertRefused(api.get("/api/v1/regions/410800/rules?date=2022-06-30"), 422, "RULES_NOT_IN_FORCE");
    }

    @Test
    void theVocabularyServesEveryKeyWithItsKindUnitAndWhetherItIsRequiredOrItsDefault() {
        Reply reply = api.get("/api/v1/parameters");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode ratio = null;
        com.fasterxml.jackson.databind.JsonNode bonus = null;
        for (com.fasterxml.jackson.databind.JsonNode k : reply.json().path("keys")) {
            if (k.path("key").asText().equals("outpatient.ratio.tertiary")) {
                ratio = k;
            }
            if (k.path("key").asText().equals("outpatient.ratio.retiredBonus")) {
                bonus = k;
            }
        }
        assertThat(ratio).as(reply.raw()).isNotNull();
        assertThat(ratio.path("kind").asText()).isEqualTo("RATIO");
        assertThat(ratio.path("unit").asText()).isEqualTo("%");
        assertThat(ratio.path("required").asBoolean()).isTrue();
        assertThat(ratio.path("description").asText()).contains("三级");
        assertThat(bonus.path("kind").asText()).isEqualTo("POINTS");
        assertThat(bonus.path("required").asBoolean()).isFalse();
        assertThat(bonus.path("default").asText()).startsWith("0");
        assertThat(reply.json().path("keys").findValuesAsText("key")).doesNotContain("outpatient.ratio.retiredBonu5")
                .contains("account.use.{relation}.{purpose}", "payment.perCapita.headcount", "region.code");
        assertThat(reply.json().path("boundKinds").toString()).contains("\"max\"", "\"levelSpread.min\"");
    }

    static String chronicVisit(String person, String date, String disease, String amount) {
        return """
                {"personId":"%s","institutionId":"H1","date":"%s","medType":"CHRONIC_OUTPATIENT","diseaseCode":"%s",
                 "lines":[{"code":"D001","name":"药品","catalogueClass":"A","amount":%s}]}""".formatted(person, date, disease, amount);
    }

    @Test
    void theChronicCatalogueInForceListsEachDiseaseWithItsTermsAndCitations() {
        Reply r = api.get("/api/v1/regions/410800/chronic-diseases?date=2024-01-01");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("diseases").findValuesAsText("code")).containsExactly("M00500", "M01600", "M03900", "M07800", "M08300");
        var hypertension = r.json().path("diseases").get(2);
        assertThat(hypertension.path("name").asText()).isEqualTo("高血压");
        assertThat(hypertension.path("group").asText()).isEqualTo("CHRONIC");
        assertThat(hypertension.path("cover").asText()).isEqualTo("DISEASE");
        assertThat(hypertension.path("assumption").asBoolean()).isTrue();
        assertThat(hypertension.path("terms").findValuesAsText("key")).contains("chronic.group.CHRONIC.ratio",
                "chronic.group.CHRONIC.cap", "chronic.group.CHRONIC.accumulate");
        assertThat(hypertension.path("terms").findValuesAsText("citation")).isNotEmpty();
        assertRefused(api.get("/api/v1/regions/410800/chronic-diseases?date=2022-06-30"), 422, "RULES_NOT_IN_FORCE");
        assertRefused(api.get("/api/v1/regions/410800/chronic-diseases"), 400, "INVALID_REQUEST");
    }

    @Test
    void chronicVisitsShareTheirGroupsLimitAcrossBookingsAndAReversalGivesItBack() {
        assertThat(api.put("/api/v1/persons/CH" + person, """
                {"name":"李四","birthDate":"1960-05-01","category":"EMPLOYED","region":"410800",
                 "monthlyContributionBase":6000.00,"chronicDiseases":[{"code":"M03900","from":"2024-01-01"},{"code":"M01600","from":"2024-01-01"}]}""")
                .status()).isEqualTo(200);
        String p = "CH" + person;
        // group CHRONIC of Jiaozuo (ASSUMPTION rows): no deductible, 65%, limit 2400 for hypertension and diabetes together
        Reply first = api.post("/api/v1/settlements", chronicVisit(p, "2024-03-05", "M03900", "3000.00"));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.json().path("poolPaid").decimalValue()).isEqualByComparingTo("1950.00");
        Reply second = api.post("/api/v1/settlements", chronicVisit(p, "2024-03-06", "M01600", "1000.00"));
        assertThat(second.json().path("poolPaid").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(second.json().path("overCapSelfPaid").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(second.json().path("separatelyPaid").decimalValue()).isEqualByComparingTo("0.00");
        var pools = api.get("/api/v1/persons/" + p + "/accumulators?year=2024").json().path("pools");
        assertThat(pools.path("chronic.group:CHRONIC").path("poolPaid").decimalValue()).isEqualByComparingTo("2400.00");

        Reply reversed = api.post("/api/v1/settlements/" + second.json().path("settlementId").asText() + "/reversal", "");
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        pools = api.get("/api/v1/persons/" + p + "/accumulators?year=2024").json().path("pools");
        assertThat(pools.path("chronic.group:CHRONIC").path("poolPaid").decimalValue()).isEqualByComparingTo("1950.00");
        Reply again = api.post("/api/v1/settlements", chronicVisit(p, "2024-03-07", "M01600", "1000.00"));
        assertThat(again.json().path("poolPaid").decimalValue()).isEqualByComparingTo("450.00");

        assertRefused(api.post("/api/v1/settlements", chronicVisit(person, "2024-03-05", "M03900", "100.00")), 422,
                "DISEASE_NOT_RECOGNISED");
    }

    // what the schema-driven fuzzer (OpenApiFuzzTest) found, one test each

    @Test
    void aMethodThePathDoesNotHaveIsAnswered405WithTheMethodsItHas() {
        Reply r = api.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/account-credits")).GET());

        assertRefused(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.header("Allow")).contains("POST");
    }

    @Test
    void getOnThePreviewIs405WithAllowPostNotAnUnknownSettlement() {
        Reply r = api.get("/api/v1/settlements/preview");

        assertRefused(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.header("Allow")).isEqualTo("POST");
    }

    @Test
    void putOnTheImportRegistersNoPersonCalledImport() {
        Reply r = api.put("/api/v1/persons/import", """
                {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","monthlyContributionBase":6000.00}""");

        assertRefused(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.header("Allow")).isEqualTo("POST");
        assertThat(store.persons().person("import")).isEmpty();
    }

    @Test
    void anActorLongerThanTheAuditKeepsIsRefusedAndBooksNothing() {
        String actor = "a".repeat(201);
        Reply settle = api.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/settlements"))
                .header("Content-Type", "application/json").header("X-Actor", actor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(visit(person, "300.00"))));
        Reply credit = api.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/account-credits"))
                .header("Content-Type", "application/json").header("X-Actor", actor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"region\":\"410800\",\"month\":\"2024-02\"}")));

        assertRefused(settle, 400, "INVALID_REQUEST");
        assertThat(settle.json().path("detail").asText()).contains("X-Actor", "200");
        assertRefused(credit, 400, "INVALID_REQUEST");
        assertThat(pooled(person)).isEqualByComparingTo("0");
        assertThat(api.get("/api/v1/persons/" + person + "/account").json().path("entries")).isEmpty();
    }

    @Test
    void anAcceptTheOperationCannotAnswerIs406NotAServerError() {
        Reply filing = api.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/filing-checks"))
                .header("Content-Type", "text/plain").header("Accept", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("outpatient.ratio.tertiary | 0.50 | 2023-01-01 | x")));
        Reply simulation = api.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/simulations/S1"))
                .header("Accept", "application/xml").GET());

        assertRefused(filing, 406, "NOT_ACCEPTABLE");
        assertRefused(simulation, 406, "NOT_ACCEPTABLE");
    }

    @Test
    void theAccountAndAccumulatorsOfAnUnknownPersonAreADeclared404() {
        assertRefused(api.get("/api/v1/persons/NOBODY/account"), 404, "UNKNOWN_PERSON");
        assertRefused(api.get("/api/v1/persons/NOBODY/accumulators?year=2024"), 404, "UNKNOWN_PERSON");
    }

    @Test
    void aRefusalQuotesAVeryLongValueByItsStartOnly() {
        Reply r = api.post("/api/v1/account-credits", "{\"region\":\"" + "z".repeat(100_000) + "\",\"month\":\"2024-01\"}");

        assertRefused(r, 400, "INVALID_REQUEST");
        assertThat(r.json().path("detail").asText()).startsWith("region is a six-digit region code").hasSizeLessThanOrEqualTo(501);
    }
}
