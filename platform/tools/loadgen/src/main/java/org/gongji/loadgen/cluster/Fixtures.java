package org.gongji.loadgen.cluster;

import java.math.BigDecimal;
import java.net.URI;

/** Persons, the institution and visits of the checks: Jiaozuo (410800), one tertiary hospital. */
final class Fixtures {

    static final String REGION = "410800";
    static final String HOSPITAL = "CL-H1";
    /** The year of every visit: its cap and accumulators are the ones checked. */
    static final int YEAR = 2024;

    private final Api api;
    private final URI node;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    Fixtures(Api api, URI node) {
        this.api = api;
        this.node = node;
    }

    void hospital() {
        Api.expect(api.put(node, "/api/v1/institutions/" + HOSPITAL,
                "{\"name\":\"集群测试医院\",\"region\":\"" + REGION + "\",\"level\":\"TERTIARY\",\"provincial\":false}"), 200,
                "PUT institution " + HOSPITAL);
    }

    /** An employed person of Jiaozuo (monthly contribution base 6,000: 120.00 credited a month); its id. */
    String person(String name) {
        return person(name, "");
    }

    /** The same with a family member ({@code SPOUSE}, registered before). */
    String personWithSpouse(String name, String spouseId) {
        return person(name, ",\"family\":[{\"personId\":\"" + spouseId + "\",\"relation\":\"SPOUSE\"}]");
    }

    private String person(String name, String more) {
        String id = "CL-" + run + "-" + name;
        Api.expect(api.put(node, "/api/v1/persons/" + id, "{\"name\":\"" + name + "\",\"birthDate\":\"1980-01-01\","
                + "\"category\":\"EMPLOYED\",\"region\":\"" + REGION + "\",\"monthlyContributionBase\":6000.00" + more + "}"),
                200, "PUT person " + id);
        return id;
    }

    /** Credits every person of the region for one month (once: a month is never credited twice). */
    void creditMonth(String month) {
        Api.expect(api.post(node, "/api/v1/account-credits", "{\"region\":\"" + REGION + "\",\"month\":\"" + month + "\"}",
                null), 200, "crediting " + month);
    }

    /**
     * A general-outpatient visit at the tertiary hospital with one class-A line: at Jiaozuo's 50.00
     * deductible and 50 % ratio the pool pays half of what passes 50.00, up to the cap of 1,300.00.
     */
    static String visit(String personId, int day, BigDecimal amount) {
        return "{\"personId\":\"" + personId + "\",\"institutionId\":\"" + HOSPITAL + "\",\"date\":\"" + YEAR + "-03-"
                + String.format("%02d", day) + "\",\"medType\":\"GENERAL_OUTPATIENT\",\"useAccount\":false,"
                + "\"lines\":[{\"code\":\"A1\",\"name\":\"诊查\",\"catalogueClass\":\"A\",\"amount\":" + amount.toPlainString()
                + "}]}";
    }
}
