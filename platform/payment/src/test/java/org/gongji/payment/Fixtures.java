package org.gongji.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;

/** The synthetic test region (rules/test-region.txt) and its institutions. */
final class Fixtures {

    static final RegionCode CODE = RegionCode.of("990100");
    static final Institution T1 = new Institution("T1", "三级医院", CODE, InstitutionLevel.TERTIARY, false);
    static final Institution S1 = new Institution("S1", "二级医院", CODE, InstitutionLevel.SECONDARY, false);
    static final Institution P1 = new Institution("P1", "社区卫生服务中心", CODE, InstitutionLevel.PRIMARY, false);
    static final Institution P2 = new Institution("P2", "乡镇卫生院", CODE, InstitutionLevel.PRIMARY, false);
    static final Map<String, Institution> INSTITUTIONS = Map.of("T1", T1, "S1", S1, "P1", P1, "P2", P2);

    private Fixtures() {
    }

    static Region region() {
        try (InputStream in = resource("test-region.txt")) {
            return new StandardRegion(ParameterTableReader.read("test-region.txt", in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/payment/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        return in;
    }

    static Reader reader(String name) {
        return new InputStreamReader(resource(name), StandardCharsets.UTF_8);
    }

    static Money yuan(String amount) {
        return Money.parse(amount);
    }

    static BookedSettlement settlement(String id, Institution at, String date, MedicalType type, String fundPaid,
            FeeLine... lines) {
        List<FeeLine> fees = lines.length == 0 ? List.of(FeeLine.classA("X", yuan(fundPaid))) : List.of(lines);
        return new BookedSettlement(id, at, LocalDate.parse(date), type, yuan(fundPaid), fees, false);
    }

    static BookedSettlement reversed(BookedSettlement s) {
        return new BookedSettlement(s.settlementId(), s.institution(), s.date(), s.medType(), s.fundPaid(), s.lines(), true);
    }
}
