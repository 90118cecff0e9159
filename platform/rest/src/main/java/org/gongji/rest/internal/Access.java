package org.gongji.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rest.Caller;
import org.gongji.store.RegionScope;
import org.gongji.store.Role;

/**
 * Who may do what: the one matrix of every operation × role, and the one check of it. A resource
 * names its operation and what the request touches (a region, an institution) and calls
 * {@link #require} before it writes or shows anything; outside the caller's scope that is
 * {@code 403 FORBIDDEN}, so a refused write books nothing and stores no idempotency key. README
 * "Access" prints this table ({@link #markdown()}), and a test calls every cell over HTTP.
 */
public final class Access {

    /** What a role may do with an operation. */
    public enum Rule {
        /** Allowed, whatever the request touches. */
        ANY("yes"),
        /** Only what belongs to the caller's region or a city under it. */
        REGION("own region"),
        /** Only with, or of, the caller's own institution. */
        OWN("own institution"),
        /** A person the caller's institution has settled for (by id; the view without what settling does not need). */
        SETTLED("persons it settled for"),
        /** Never. */
        NO("no");

        final String text;

        Rule(String text) {
            this.text = text;
        }
    }

    /** Every operation of the API but the public ones (health, OpenAPI document, console files). */
    public enum Operation {
        PING("GET /api/v1/ping", Rule.ANY, Rule.ANY, Rule.ANY, Rule.ANY),
        LIST_REGIONS("GET /api/v1/regions", Rule.ANY, Rule.ANY, Rule.ANY, Rule.ANY),
        READ_RULES("GET /api/v1/regions/{code}/rules", Rule.ANY, Rule.ANY, Rule.ANY, Rule.ANY),
        READ_CHRONIC_CATALOGUE("GET /api/v1/regions/{code}/chronic-diseases", Rule.ANY, Rule.ANY, Rule.ANY, Rule.ANY),
        READ_PARAMETERS("GET /api/v1/parameters", Rule.ANY, Rule.ANY, Rule.ANY, Rule.ANY),
        PUT_PERSON("PUT /api/v1/persons/{personId}", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        READ_PERSON("GET /api/v1/persons/{personId}", Rule.ANY, Rule.REGION, Rule.REGION, Rule.SETTLED),
        READ_ACCUMULATORS("GET /api/v1/persons/{personId}/accumulators", Rule.ANY, Rule.REGION, Rule.REGION, Rule.NO),
        READ_ACCOUNT("GET /api/v1/persons/{personId}/account", Rule.ANY, Rule.REGION, Rule.REGION, Rule.NO),
        PUT_INSTITUTION("PUT /api/v1/institutions/{institutionId}", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        /** Bulk import: the rule applies to each line's region; a line outside it is refused on its own (FORBIDDEN). */
        IMPORT_PERSONS("POST /api/v1/persons/import", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        IMPORT_INSTITUTIONS("POST /api/v1/institutions/import", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        READ_INSTITUTION("GET /api/v1/institutions/{institutionId}", Rule.ANY, Rule.REGION, Rule.REGION, Rule.OWN),
        PREVIEW("POST /api/v1/settlements/preview", Rule.ANY, Rule.NO, Rule.NO, Rule.OWN),
        SETTLE("POST /api/v1/settlements", Rule.ANY, Rule.NO, Rule.NO, Rule.OWN),
        READ_SETTLEMENT("GET /api/v1/settlements/{settlementId}", Rule.ANY, Rule.REGION, Rule.REGION, Rule.OWN),
        REVERSE("POST /api/v1/settlements/{settlementId}/reversal", Rule.ANY, Rule.NO, Rule.NO, Rule.OWN),
        CREDIT_ACCOUNTS("POST /api/v1/account-credits", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        FAMILY_PAYMENT("POST /api/v1/persons/{personId}/account/payments", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        RUN_PROVIDER_PAYMENT("POST /api/v1/provider-payments", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        CONFIRM_PROVIDER_PAYMENT("POST /api/v1/provider-payments/{runId}/confirmation", Rule.ANY, Rule.REGION, Rule.NO,
                Rule.NO),
        REVOKE_PROVIDER_PAYMENT("POST /api/v1/provider-payments/{runId}/revocation", Rule.ANY, Rule.REGION, Rule.NO,
                Rule.NO),
        READ_PROVIDER_PAYMENT("GET /api/v1/provider-payments/{runId}", Rule.ANY, Rule.REGION, Rule.REGION, Rule.NO),
        READ_JOB("GET /api/v1/jobs/{jobId}", Rule.ANY, Rule.REGION, Rule.REGION, Rule.NO),
        RUN_SIMULATION("POST /api/v1/simulations", Rule.ANY, Rule.REGION, Rule.NO, Rule.NO),
        READ_SIMULATION("GET /api/v1/simulations/{simulationId}", Rule.ANY, Rule.REGION, Rule.REGION, Rule.NO),
        /** A draft table checked against the vocabulary and the deployed bounds: changes and reveals nothing. */
        FILING_CHECK("POST /api/v1/filing-checks", Rule.ANY, Rule.ANY, Rule.ANY, Rule.NO),
        CREATE_CLIENT("POST /api/v1/clients", Rule.ANY, Rule.NO, Rule.NO, Rule.NO),
        LIST_CLIENTS("GET /api/v1/clients", Rule.ANY, Rule.NO, Rule.NO, Rule.NO),
        READ_CLIENT("GET /api/v1/clients/{clientId}", Rule.ANY, Rule.NO, Rule.NO, Rule.NO),
        REVOKE_CLIENT("DELETE /api/v1/clients/{clientId}", Rule.ANY, Rule.NO, Rule.NO, Rule.NO),
        READ_AUDIT("GET /api/v1/audit", Rule.ANY, Rule.NO, Rule.REGION, Rule.NO),
        /** The node's meters count every region's settlements: an auditor of any region reads them all. */
        READ_METRICS("GET /metrics", Rule.ANY, Rule.NO, Rule.ANY, Rule.NO),
        BACK_UP("POST /api/v1/backups", Rule.ANY, Rule.NO, Rule.NO, Rule.NO);

        final String endpoint;
        final Map<Role, Rule> rules = new EnumMap<>(Role.class);

        Operation(String endpoint, Rule admin, Rule bureau, Rule auditor, Rule institution) {
            this.endpoint = endpoint;
            rules.put(Role.ADMIN, admin);
            rules.put(Role.BUREAU, bureau);
            rules.put(Role.AUDITOR, auditor);
            rules.put(Role.INSTITUTION, institution);
        }

        public String endpoint() {
            return endpoint;
        }

        public Rule rule(Role role) {
            return rules.get(role);
        }
    }

    /**
     * What a request touches, as far as the rules of the matrix ask.
     *
     * @param region the region whose data it reads or writes (null where none)
     * @param institutionId the institution it acts for or reads (null where none)
     * @param settledFor for {@link Rule#SETTLED}: whether the caller's institution settled for the person
     */
    public record Target(String region, String institutionId, BooleanSupplier settledFor) {

        public static final Target NONE = new Target(null, null, null);

        public static Target region(String region) {
            return new Target(region, null, null);
        }

        public static Target institution(String institutionId, String region) {
            return new Target(region, institutionId, null);
        }
    }

    private Access() {
    }

    /** Whether the caller may do the operation on the target. */
    public static boolean allows(Caller caller, Operation operation, Target target) {
        return switch (operation.rule(caller.role())) {
            case ANY -> true;
            case NO -> false;
            case REGION -> RegionScope.covers(caller.region(), target.region());
            case OWN -> caller.institutionId() != null && caller.institutionId().equals(target.institutionId());
            case SETTLED -> caller.institutionId() != null && target.settledFor() != null
                    && target.settledFor().getAsBoolean();
        };
    }

    /**
     * As {@link #require(Caller, Operation, Target)}, reading what the request touches only where the
     * caller's rule asks (an ADMIN's settlement costs no extra read).
     */
    public static void require(Caller caller, Operation operation, java.util.function.Supplier<Target> target) {
        Rule rule = operation.rule(caller.role());
        require(caller, operation, rule == Rule.ANY || rule == Rule.NO ? Target.NONE : target.get());
    }

    /** @throws GongjiException {@code FORBIDDEN} where the matrix does not allow it */
    public static void require(Caller caller, Operation operation, Target target) {
        if (!allows(caller, operation, target)) {
            throw new GongjiException(ErrorCode.FORBIDDEN, "client " + caller.clientId() + " (" + scope(caller)
                    + ") may not " + operation.endpoint() + (target.region() == null ? "" : " for region " + target.region())
                    + (target.institutionId() == null ? "" : " for institution " + target.institutionId()));
        }
    }

    /** Whether the role may do the operation on anything at all (the matrix cell is not {@code NO}). */
    public static void requireRole(Caller caller, Operation operation) {
        if (operation.rule(caller.role()) == Rule.NO) {
            throw new GongjiException(ErrorCode.FORBIDDEN, "client " + caller.clientId() + " (" + scope(caller)
                    + ") may not " + operation.endpoint());
        }
    }

    static String scope(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> "ADMIN";
            case BUREAU, AUDITOR -> caller.role() + " of " + caller.region();
            case INSTITUTION -> "INSTITUTION " + caller.institutionId();
        };
    }

    private static final ObjectMapper MAPPER = Json.mapper();

    /**
     * What an institution sees of a person it settled for: what settling needs (name, birth date,
     * category, region, retirement date, the recognised chronic diseases that a chronic visit names),
     * without the contribution base, the family, or a family-doctor contract with another institution.
     */
    static ObjectNode forInstitution(Views.PersonView view, Caller caller) {
        ObjectNode node = MAPPER.valueToTree(view);
        node.remove("monthlyContributionBase");
        node.remove("family");
        node.remove("versions"); // each version holds a base and a family too
        if (!caller.institutionId().equals(node.path("familyDoctorInstitutionId").asText(null))) {
            node.remove("familyDoctorInstitutionId");
        }
        return node;
    }

    /** The matrix as the Markdown table README "Access" shows. */
    public static String markdown() {
        StringBuilder t = new StringBuilder("| operation | ADMIN | BUREAU of a region | AUDITOR of a region | INSTITUTION |\n"
                + "|---|---|---|---|---|\n");
        for (Operation op : Operation.values()) {
            t.append("| `").append(op.endpoint()).append("` |");
            for (Role role : Role.values()) {
                t.append(' ').append(op.rule(role).text).append(" |");
            }
            t.append('\n');
        }
        return t.toString();
    }
}
