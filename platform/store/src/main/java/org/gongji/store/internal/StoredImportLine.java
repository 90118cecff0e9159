package org.gongji.store.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.store.ImportLine;
import org.gongji.store.ImportResult;

/**
 * One line of an import job's stored input, as the API read it: a person, an institution, or a
 * line refused while it was read (its code and reason), each with its number in the file. One
 * JSON object a text line, in the store's own form (not the API's), so that a job resumed after a
 * restart reads exactly what was accepted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredImportLine(int line, String refused, String detail, StoredPerson person, StoredInstitution institution,
        LocalDate effectiveFrom) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredPerson(String id, String name, String region, LocalDate birthDate, PersonCategory category,
            LocalDate retirementDate, long baseFen, String familyDoctor, List<ChronicRecognition> chronicDiseases,
            List<FamilyMember> family) {
    }

    record StoredInstitution(String id, String name, String region, InstitutionLevel level, boolean provincial) {
    }

    static StoredImportLine of(ImportLine<?> line) {
        if (line.value() instanceof Person p) {
            return new StoredImportLine(line.line(), null, null, new StoredPerson(p.id(), p.name(), p.region().value(),
                    p.birthDate(), p.category(), p.retirementDate(), p.monthlyContributionBase().fen(),
                    p.familyDoctorInstitutionId(), p.chronicDiseases(), p.family()), null, line.effectiveFrom());
        }
        if (line.value() instanceof Institution i) {
            return new StoredImportLine(line.line(), null, null, null, new StoredInstitution(i.id(), i.name(),
                    i.region().value(), i.level(), i.provincial()), null);
        }
        throw new IllegalArgumentException("an import line holds a person or an institution, not " + line.value());
    }

    static StoredImportLine of(ImportResult.Refusal refusal) {
        return new StoredImportLine(refusal.line(), refusal.code().name(), refusal.detail(), null, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    boolean isRefusal() {
        return refused != null;
    }

    ImportResult.Refusal refusal() {
        return new ImportResult.Refusal(line, ErrorCode.valueOf(refused), detail);
    }

    ImportLine<Person> personLine() {
        StoredPerson p = person;
        return new ImportLine<>(line, new Person(p.id(), p.name(), RegionCode.of(p.region()), p.birthDate(), p.category(),
                p.retirementDate(), Money.ofFen(p.baseFen()), p.familyDoctor(), p.chronicDiseases(), p.family()),
                effectiveFrom);
    }

    ImportLine<Institution> institutionLine() {
        StoredInstitution i = institution;
        return new ImportLine<>(line, new Institution(i.id(), i.name(), RegionCode.of(i.region()), i.level(),
                i.provincial()), null);
    }

    /** The line as one line of text (JSON escapes every line break inside it). */
    String encode() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store import line " + line, e);
        }
    }

    static StoredImportLine decode(String text) {
        try {
            return JSON.readValue(text, StoredImportLine.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import line cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
