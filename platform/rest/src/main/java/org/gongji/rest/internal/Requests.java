package org.gongji.rest.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Relation;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.api.visit.CatalogueClass;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.store.FamilyPayment;
import org.gongji.store.SettlementCommand;

/** Request bodies of API.md, field for field, and their conversion to domain values. */
final class Requests {

    /** An id (person, institution, ...) has 1 to 64 characters, not all blank (the OpenAPI document says the same). */
    static final int MAX_ID = 64;
    static final String ID_PATTERN = "\\S";
    static final String REGION_PATTERN = "^[0-9]{6}$";
    /** Names and codes as the store keeps them. */
    static final int MAX_NAME = 200;
    static final int MAX_CODE = 64;

    private Requests() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " is required");
        }
        return value;
    }

    static RegionCode regionCode(String code, String field) {
        required(code, field);
        if (!code.matches("\\d{6}")) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " is a six-digit region code, not " + code);
        }
        return RegionCode.of(code);
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " is YYYY-MM-DD, not " + text);
        }
    }

    static String checkedId(String id, String field) {
        required(id, field);
        if (id.isBlank() || id.length() > 64) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " has 1 to 64 characters");
        }
        return id;
    }

    record FamilyBody(String personId, Relation relation) {
    }

    /**
     * A recognition {@code {code, from, to}} of {@code chronicDiseases}. The plain code of API v1's first
     * draft ({@code "M03900"}) is refused: a recognition without its date would count from any day.
     */
    record RecognitionBody(String code, LocalDate from, LocalDate to) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        RecognitionBody {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RecognitionBody plainCode(String code) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "chronicDiseases[] entries are recognitions {code, from, to}"
                    + " (to optional), not a plain code: give the date \"" + code + "\" was recognised from");
        }

        ChronicRecognition toRecognition(LocalDate birthDate) {
            String c = checkedId(code, "chronicDiseases[].code");
            LocalDate f = required(from, "chronicDiseases[].from");
            if (f.isBefore(birthDate)) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "chronicDiseases[] " + c + " is recognised from " + f
                        + ", before the birth date " + birthDate);
            }
            if (to != null && to.isBefore(f)) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "chronicDiseases[] " + c + " ends (" + to
                        + ") before it begins (" + f + ")");
            }
            return new ChronicRecognition(c, f, to);
        }
    }

    /** Close family (spouse, parents, children) is never this large; a longer list is a mistake. */
    static final int MAX_FAMILY = 20;

    record PersonBody(String name, LocalDate birthDate, PersonCategory category, String region,
            Money monthlyContributionBase, LocalDate retirementDate, String familyDoctorInstitutionId,
            List<RecognitionBody> chronicDiseases, List<FamilyBody> family, LocalDate effectiveFrom) {

        /** @param today the date in the deployment's zone (China's): no one is born after it */
        Person toPerson(String personId, LocalDate today) {
            checkedId(personId, "personId");
            PersonCategory c = required(category, "category");
            LocalDate born = required(birthDate, "birthDate");
            if (born.isAfter(today)) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "birthDate " + birthDate + " is in the future");
            }
            if (c == PersonCategory.RETIRED && retirementDate == null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "retirementDate is required for a retired person");
            }
            return new Person(personId, name, regionCode(region, "region"), born, c,
                    retirementDate, monthlyContributionBase, familyDoctorInstitutionId,
                    recognitions(chronicDiseases, born), members(personId, family));
        }

        static List<FamilyMember> members(String personId, List<FamilyBody> family) {
            if (family == null) {
                return List.of();
            }
            if (family.size() > MAX_FAMILY) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "family names at most " + MAX_FAMILY
                        + " close members (spouse, parents, children), not " + family.size());
            }
            List<FamilyMember> members = new ArrayList<>(family.size());
            Set<String> seen = new HashSet<>();
            for (FamilyBody f : family) {
                required(f, "family[]");
                String member = checkedId(f.personId(), "family[].personId");
                if (required(f.relation(), "family[].relation") == Relation.SELF) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "family[].relation is SPOUSE, PARENT or CHILD");
                }
                if (personId.equals(member)) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "a person is not their own family member");
                }
                if (!seen.add(member)) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "family names " + member + " twice");
                }
                members.add(new FamilyMember(member, f.relation()));
            }
            return members;
        }

        static List<ChronicRecognition> recognitions(List<RecognitionBody> bodies, LocalDate birthDate) {
            if (bodies == null) {
                return List.of();
            }
            List<ChronicRecognition> result = new ArrayList<>(bodies.size());
            for (RecognitionBody b : bodies) {
                ChronicRecognition r = required(b, "chronicDiseases[]").toRecognition(birthDate);
                for (ChronicRecognition earlier : result) {
                    if (earlier.overlaps(r)) {
                        throw new GongjiException(ErrorCode.INVALID_REQUEST, "chronicDiseases[] recognises " + r.code()
                                + " twice on the same days (from " + earlier.from() + " and from " + r.from() + ")");
                    }
                }
                result.add(r);
            }
            return result;
        }
    }

    record InstitutionBody(String name, String region, InstitutionLevel level, Boolean provincial) {

        Institution toInstitution(String institutionId) {
            if (provincial != null && provincial && level != InstitutionLevel.TERTIARY) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "only a tertiary hospital is provincial-or-above");
            }
            return new Institution(checkedId(institutionId, "institutionId"), name, regionCode(region, "region"),
                    required(level, "level"), provincial != null && provincial);
        }
    }

    record LineBody(String code, String name, CatalogueClass catalogueClass, Money amount, Ratio preSelfPayRatio) {

        FeeLine toFeeLine() {
            CatalogueClass c = required(catalogueClass, "lines[].catalogueClass");
            if (preSelfPayRatio != null && c != CatalogueClass.B && preSelfPayRatio.basisPoints() != 0) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "preSelfPayRatio is for class B lines only");
            }
            return new FeeLine(code, name == null ? code : name, c, required(amount, "lines[].amount"), preSelfPayRatio);
        }
    }

    /** @param filed for care in another region (异地就医): the person filed for it beforehand (备案); default false */
    record SettlementBody(String personId, String institutionId, LocalDate date, MedicalType medType, String diseaseCode,
            Boolean useAccount, List<LineBody> lines, Boolean filed) {

        SettlementCommand toCommand() {
            List<FeeLine> feeLines = required(lines, "lines").stream().map(l -> required(l, "lines[]").toFeeLine()).toList();
            if (feeLines.stream().allMatch(l -> l.amount().isZero())) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, "the visit has no amount to settle");
            }
            return new SettlementCommand(checkedId(personId, "personId"), checkedId(institutionId, "institutionId"),
                    required(date, "date"), required(medType, "medType"), diseaseCode, useAccount == null || useAccount,
                    feeLines, filed != null && filed);
        }
    }

    record CreditBody(String region, YearMonth month) {

        RegionCode regionCode() {
            return Requests.regionCode(region, "region");
        }

        YearMonth requiredMonth() {
            return required(month, "month");
        }
    }

    record PaymentBody(String beneficiaryPersonId, AccountPurpose purpose, Money amount) {

        FamilyPayment toPayment(String payerPersonId) {
            Money a = required(amount, "amount");
            if (!a.isPositive()) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, "amount must be positive");
            }
            return new FamilyPayment(payerPersonId, checkedId(beneficiaryPersonId, "beneficiaryPersonId"),
                    required(purpose, "purpose"), a);
        }
    }
}
