package org.gongji.rest.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
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

    /** The years the insurance has existed in (1998, 国发〔1998〕44号) and some to come. */
    static final int FIRST_YEAR = 1998;
    static final int LAST_YEAR = 2200;

    static int year(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " " + year + " is outside the insurance's years ("
                    + FIRST_YEAR + " to " + LAST_YEAR + ")");
        }
        return year;
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
        if (id.isBlank() || id.length() > MAX_ID) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " has 1 to " + MAX_ID + " characters, not all blank");
        }
        return id;
    }

    /** An optional id: null, or as {@link #checkedId}. */
    static String optionalId(String id, String field) {
        return id == null ? null : checkedId(id, field);
    }

    /** A text the store keeps in a column of {@code max} characters: longer is refused, not cut. */
    static String checkedText(String text, int max, String field) {
        if (text != null && text.length() > max) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " has at most " + max + " characters, not "
                    + text.length());
        }
        return text;
    }

    record FamilyBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_ID, pattern = ID_PATTERN) String personId,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"SPOUSE", "PARENT", "CHILD"}) Relation relation) {
    }

    /**
     * A recognition {@code {code, from, to}} of {@code chronicDiseases}. The plain code of API v1's first
     * draft ({@code "M03900"}) is refused: a recognition without its date would count from any day.
     */
    @Schema(description = "A recognised chronic or special disease (门慢门特) from a day, until a day or open.")
    record RecognitionBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_CODE, pattern = ID_PATTERN,
                    description = "the disease code of the region's catalogue") String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the first day recognised, not before the birth date")
            LocalDate from,
            @Schema(description = "the last day recognised, not before from; open when left out") LocalDate to) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        RecognitionBody {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RecognitionBody plainCode(String code) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "chronicDiseases[] entries are recognitions {code, from, to}"
                    + " (to optional), not a plain code: give the date \"" + code + "\" was recognised from");
        }

        ChronicRecognition toRecognition(LocalDate birthDate) {
            String c = checkedText(checkedId(code, "chronicDiseases[].code"), MAX_CODE, "chronicDiseases[].code");
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

    @Schema(description = "A RETIRED person has a retirementDate.")
    record PersonBody(@Schema(maxLength = MAX_NAME) String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "not after today") LocalDate birthDate,
            @Schema(requiredMode = RequiredMode.REQUIRED) PersonCategory category,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = REGION_PATTERN, description = "six-digit region code")
            String region,
            @Schema(description = "the monthly contribution base, within the region's floor and ceiling")
            Money monthlyContributionBase,
            @Schema(description = "RETIRED: the day of retirement") LocalDate retirementDate,
            @Schema(minLength = 1, maxLength = MAX_ID, pattern = ID_PATTERN,
                    description = "the institution of the family-doctor contract") String familyDoctorInstitutionId,
            @ArraySchema(arraySchema = @Schema(description = "recognised chronic and special diseases; one code's"
                    + " recognitions do not overlap")) List<RecognitionBody> chronicDiseases,
            @ArraySchema(maxItems = MAX_FAMILY, arraySchema = @Schema(description = "close family, each member once,"
                    + " not the person themself")) List<FamilyBody> family,
            @Schema(description = "the day this version takes effect (default: today)") LocalDate effectiveFrom) {

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
            return new Person(personId, checkedText(name, MAX_NAME, "name"), regionCode(region, "region"), born, c,
                    retirementDate, monthlyContributionBase, optionalId(familyDoctorInstitutionId, "familyDoctorInstitutionId"),
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

    @Schema(description = "Only a TERTIARY hospital is provincial.")
    record InstitutionBody(@Schema(maxLength = MAX_NAME) String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = REGION_PATTERN, description = "six-digit region code")
            String region,
            @Schema(requiredMode = RequiredMode.REQUIRED) InstitutionLevel level,
            @Schema(description = "a provincial-or-above tertiary hospital; default false") Boolean provincial) {

        Institution toInstitution(String institutionId) {
            if (provincial != null && provincial && level != InstitutionLevel.TERTIARY) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "only a tertiary hospital is provincial-or-above");
            }
            return new Institution(checkedId(institutionId, "institutionId"), checkedText(name, MAX_NAME, "name"),
                    regionCode(region, "region"),
                    required(level, "level"), provincial != null && provincial);
        }
    }

    @Schema(description = "A preSelfPayRatio above 0 is for class B lines only.")
    record LineBody(@Schema(maxLength = MAX_CODE) String code,
            @Schema(maxLength = MAX_NAME, description = "default: the code") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED) CatalogueClass catalogueClass,
            @Schema(requiredMode = RequiredMode.REQUIRED) Money amount,
            @Schema(description = "class B: the share the person pays before the pool (先行自付)") Ratio preSelfPayRatio) {

        FeeLine toFeeLine() {
            CatalogueClass c = required(catalogueClass, "lines[].catalogueClass");
            if (preSelfPayRatio != null && c != CatalogueClass.B && preSelfPayRatio.basisPoints() != 0) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "preSelfPayRatio is for class B lines only");
            }
            checkedText(code, MAX_CODE, "lines[].code");
            checkedText(name, MAX_NAME, "lines[].name");
            return new FeeLine(code, name == null ? code : name, c, required(amount, "lines[].amount"), preSelfPayRatio);
        }
    }

    /** @param filed for care in another region (异地就医): the person filed for it beforehand (备案); default false */
    @Schema(description = "At least one line has an amount above 0.")
    record SettlementBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_ID, pattern = ID_PATTERN) String personId,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_ID, pattern = ID_PATTERN)
            String institutionId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the day of the visit, not after today") LocalDate date,
            @Schema(requiredMode = RequiredMode.REQUIRED) MedicalType medType,
            @Schema(maxLength = MAX_CODE, description = "chronic visits: the recognised disease") String diseaseCode,
            @Schema(description = "pay the personal part from the account first; default true") Boolean useAccount,
            @ArraySchema(minItems = 1, arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED)) List<LineBody> lines,
            @Schema(description = "care in another region (异地就医): filed beforehand (备案); default false") Boolean filed) {

        SettlementCommand toCommand() {
            List<FeeLine> feeLines = required(lines, "lines").stream().map(l -> required(l, "lines[]").toFeeLine()).toList();
            if (feeLines.stream().allMatch(l -> l.amount().isZero())) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, "the visit has no amount to settle");
            }
            return new SettlementCommand(checkedId(personId, "personId"), checkedId(institutionId, "institutionId"),
                    required(date, "date"), required(medType, "medType"), checkedText(diseaseCode, MAX_CODE, "diseaseCode"),
                    useAccount == null || useAccount,
                    feeLines, filed != null && filed);
        }
    }

    record CreditBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = REGION_PATTERN, description = "six-digit region code")
            String region,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the month, not after this month") YearMonth month) {

        RegionCode regionCode() {
            return Requests.regionCode(region, "region");
        }

        YearMonth requiredMonth() {
            return required(month, "month");
        }
    }

    record PaymentBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_ID, pattern = ID_PATTERN)
            String beneficiaryPersonId,
            @Schema(requiredMode = RequiredMode.REQUIRED) AccountPurpose purpose,
            @Schema(requiredMode = RequiredMode.REQUIRED, exclusiveMinimum = true, minimum = "0", description = "above 0")
            Money amount) {

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
