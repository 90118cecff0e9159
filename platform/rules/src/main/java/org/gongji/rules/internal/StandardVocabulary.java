package org.gongji.rules.internal;

import static org.gongji.rules.vocabulary.Key.code;
import static org.gongji.rules.vocabulary.Key.date;
import static org.gongji.rules.vocabulary.Key.flag;
import static org.gongji.rules.vocabulary.Key.list;
import static org.gongji.rules.vocabulary.Key.money;
import static org.gongji.rules.vocabulary.Key.oneOf;
import static org.gongji.rules.vocabulary.Key.points;
import static org.gongji.rules.vocabulary.Key.ratio;
import static org.gongji.rules.vocabulary.Key.text;

import java.util.List;
import java.util.function.Predicate;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.person.Relation;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.api.spi.benefit.DeductibleMode;
import org.gongji.api.spi.payment.HeadcountBasis;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.visit.MedicalType;
import org.gongji.rules.vocabulary.Key;
import org.gongji.rules.vocabulary.Section;

/**
 * The keys the standard implementations read, one line each. A new key of a standard
 * implementation is one more line here (see platform/rules/README.md); a key a table holds that is
 * not here refuses the table.
 */
public final class StandardVocabulary {

    public static final Section REGION = Section.always("region", "区划");
    public static final Section OUTPATIENT = Section.when("outpatient", "普通门诊统筹", StandardOutpatientPooling.DEDUCTIBLE_MODE);
    public static final Section CHRONIC = Section.when("chronic", "门诊慢特病", StandardChronicDiseaseCoverage.DISEASES);
    public static final Section INPATIENT = Section.when("inpatient", "住院", "inpatient.deductible.tertiary");
    public static final Section FUND = Section.always("fund", "统筹基金");
    public static final Section ACCOUNT = Section.when("account", "个人账户", StandardAccountCrediting.OWN_RATE);
    public static final Section CRITICAL = Section.when("critical", "大病保险", StandardCriticalIllnessCoverage.DEDUCTIBLE);
    public static final Section PAYMENT = Section.when("payment", "医保支付方式", StandardProviderPaymentTerms.METHODS);
    public static final Section REFERENCE = Section.always("reference", "参考数据 (省级界限所用)");
    public static final Section RESIDENT = Section.always("resident", "城乡居民 (本平台不结算, 仅供省级界限核对)");

    public static final List<Section> SECTIONS = List.of(REGION, OUTPATIENT, CHRONIC, INPATIENT, FUND, ACCOUNT,
            CRITICAL, PAYMENT, REFERENCE, RESIDENT);

    private static final String[] TREATMENT_LEVELS = {"TERTIARY", "SECONDARY", "PRIMARY"};
    private static final String[] METHODS = names(ProviderPaymentMethod.class);

    public static final List<Key> KEYS = List.of(
            // --- 区划 ---
            code("region.code", REGION, "区划代码 (6位)"),
            text("region.name", REGION, "区划名称"),
            code("region.parent", REGION, "所属省份的区划代码 (地市必填)").optional("不设: 省级区划"),
            date("region.effectiveFrom", REGION, "本参数表开始结算之日; 其出处为本区划的政策依据文件"),

            // --- 普通门诊统筹 ---
            oneOf("outpatient.deductible.mode", OUTPATIENT, DeductibleMode.class, "起付标准按次 (PER_VISIT) 或按年度累计 (ANNUAL)"),
            money("outpatient.deductible.tertiary", OUTPATIENT, "三级定点医疗机构起付标准"),
            money("outpatient.deductible.secondary", OUTPATIENT, "二级定点医疗机构起付标准"),
            money("outpatient.deductible.primary", OUTPATIENT, "一级及基层定点医疗机构起付标准"),
            ratio("outpatient.deductible.retiredShare", OUTPATIENT, "退休人员起付标准为在职职工的比例").optional("100% (与在职职工相同)"),
            ratio("outpatient.ratio.tertiary", OUTPATIENT, "三级定点医疗机构政策范围内支付比例 (在职职工)"),
            ratio("outpatient.ratio.secondary", OUTPATIENT, "二级定点医疗机构政策范围内支付比例 (在职职工)"),
            ratio("outpatient.ratio.primary", OUTPATIENT, "一级及基层定点医疗机构政策范围内支付比例 (在职职工)"),
            points("outpatient.ratio.retiredBonus", OUTPATIENT, "退休人员支付比例高于在职职工的百分点").optional("0 (不提高)"),
            points("outpatient.ratio.familyDoctorBonus", OUTPATIENT, "在签约家庭医生的基层医疗机构就医提高的百分点").optional("0 (不提高)"),
            money("outpatient.cap.employed", OUTPATIENT, "在职职工普通门诊统筹年度最高支付限额"),
            money("outpatient.cap.retired", OUTPATIENT, "退休人员普通门诊统筹年度最高支付限额"),
            oneOf("outpatient.pharmacy.termsLevel", OUTPATIENT, "定点零售药店凭外配处方购药按哪一级医疗机构的起付标准和支付比例结算",
                    TREATMENT_LEVELS).optional("不设: 定点零售药店购药不予统筹结算"),
            flag("outpatient.countsTowardFundCap", OUTPATIENT, "普通门诊统筹支付是否计入统筹基金年度最高支付限额").optional("no"),

            // --- 门诊慢特病 ---
            list("chronic.diseases", CHRONIC, ";", "门诊慢特病病种目录: 病种编码, 以分号分隔"),
            oneOf("chronic.deductible.mode", CHRONIC, DeductibleMode.class, "慢特病起付标准按次 (PER_VISIT) 或按年度累计 (ANNUAL)"),
            money("chronic.deductible", CHRONIC, "慢特病起付标准"),
            ratio("chronic.ratio", CHRONIC, "慢特病政策范围内支付比例"),
            ratio("chronic.ratio.tertiary", CHRONIC, "三级定点医疗机构慢特病支付比例").optional("chronic.ratio"),
            ratio("chronic.ratio.secondary", CHRONIC, "二级定点医疗机构慢特病支付比例").optional("chronic.ratio"),
            ratio("chronic.ratio.primary", CHRONIC, "一级及基层定点医疗机构慢特病支付比例").optional("chronic.ratio"),
            ratio("chronic.ratio.pharmacy", CHRONIC, "定点零售药店慢特病支付比例").optional("chronic.ratio"),
            points("chronic.ratio.retiredBonus", CHRONIC, "退休人员慢特病支付比例提高的百分点").optional("0 (不提高)"),
            money("chronic.cap", CHRONIC, "慢特病年度最高支付限额").optional("不设单独限额"),
            flag("chronic.countsTowardFundCap", CHRONIC, "慢特病支付是否计入统筹基金年度最高支付限额").optional("no"),

            // --- 住院 ---
            money("inpatient.deductible.tertiary.provincial", INPATIENT, "省级及以上三级医疗机构住院起付标准 (每次)")
                    .optional("不设: 省级三级医疗机构住院不予结算"),
            money("inpatient.deductible.tertiary", INPATIENT, "三级医疗机构住院起付标准 (每次)"),
            money("inpatient.deductible.secondary", INPATIENT, "二级医疗机构住院起付标准 (每次)"),
            money("inpatient.deductible.primary", INPATIENT, "一级医疗机构住院起付标准 (每次)"),
            ratio("inpatient.deductible.repeatAdmissionShare", INPATIENT, "年度内第二次及以后住院的起付标准比例").optional("100% (每次全额)"),
            ratio("inpatient.ratio.tertiary.provincial", INPATIENT, "省级及以上三级医疗机构住院支付比例").optional("inpatient.ratio.tertiary"),
            ratio("inpatient.ratio.tertiary", INPATIENT, "三级医疗机构住院政策范围内支付比例"),
            ratio("inpatient.ratio.secondary", INPATIENT, "二级医疗机构住院支付比例").optional("inpatient.ratio.tertiary"),
            ratio("inpatient.ratio.primary", INPATIENT, "一级医疗机构住院支付比例").optional("inpatient.ratio.tertiary"),
            points("inpatient.ratio.retiredBonus", INPATIENT, "退休人员住院支付比例提高的百分点").optional("0 (不提高)"),

            // --- 统筹基金 ---
            money(StandardOutpatientPooling.FUND_CAP, FUND, "统筹基金年度最高支付限额")
                    .requiredWhen("where the table has inpatient terms or a *.countsTowardFundCap is yes (有住院待遇或门诊支付计入基金限额时)",
                            StandardVocabulary::needsFundCap, "不设"),

            // --- 个人账户 ---
            ratio(StandardAccountCrediting.OWN_RATE, ACCOUNT, "在职职工个人缴费计入个人账户的比例 (占本人缴费基数)"),
            ratio(StandardAccountCrediting.EMPLOYER_RATE, ACCOUNT, "单位缴费仍计入在职职工个人账户的比例 (占缴费基数); 0% 即不再划入").optional("0%"),
            money(StandardAccountCrediting.RETIRED_AMOUNT, ACCOUNT, "退休人员每月由统筹基金定额划入个人账户的金额")
                    .requiredWhen("unless account.retired.averagePension is set (未按基本养老金比例划入时)",
                            t -> !t.has(StandardAccountCrediting.AVERAGE_PENSION), "按基本养老金比例划入"),
            money(StandardAccountCrediting.AVERAGE_PENSION, ACCOUNT, "统筹地区基本养老金平均水平 (月), 退休人员按其比例划入")
                    .optional("不设: 按定额划入"),
            ratio(StandardAccountCrediting.PENSION_SHARE_UNDER_70, ACCOUNT, "70周岁以下退休人员按基本养老金平均水平划入的比例")
                    .requiredWhen("where account.retired.averagePension is set", has(StandardAccountCrediting.AVERAGE_PENSION), "不设"),
            ratio(StandardAccountCrediting.PENSION_SHARE_FROM_70, ACCOUNT, "70周岁及以上退休人员按基本养老金平均水平划入的比例")
                    .requiredWhen("where account.retired.averagePension is set", has(StandardAccountCrediting.AVERAGE_PENSION), "不设"),
            oneOf("account.use.{relation}.{purpose}", ACCOUNT, "个人账户可否用于本人 (SELF)、配偶、父母、子女或任何人 (ANY) 的该项用途 (家庭共济)",
                    "allowed", "refused")
                    .where("relation", Relation.class, "ANY").where("purpose", AccountPurpose.class)
                    .optional("refused (未列明的用途不得支付)"),

            // --- 大病保险 ---
            list(StandardCriticalIllnessCoverage.COUNTS_FOR, CRITICAL, "[\\s;,]+", "哪些医疗类别的政策范围内个人负担累计计入大病保险, 以空格分隔")
                    .valuesOf(MedicalType.class),
            money(StandardCriticalIllnessCoverage.DEDUCTIBLE, CRITICAL, "大病保险年度起付标准 (个人负担累计)"),
            ratio(StandardCriticalIllnessCoverage.RATIO, CRITICAL, "大病保险起付标准以上的支付比例"),
            money(StandardCriticalIllnessCoverage.ANNUAL_CAP, CRITICAL, "大病保险年度最高支付限额").optional("不设"),

            // --- 医保支付方式 ---
            list(StandardProviderPaymentTerms.METHODS, PAYMENT, ",", "本地区采用的对定点医疗机构的支付方式, 以逗号分隔").values(METHODS),
            list("payment.perCapita.medTypes", PAYMENT, ",", "按人头付费的医疗类别").valuesOf(MedicalType.class)
                    .requiredWhen("where payment.methods has PER_CAPITA", uses("PER_CAPITA"), "不设"),
            list("payment.perCapita.levels", PAYMENT, ",", "按人头付费的医疗机构等级 (ALL 为全部)")
                    .valuesOf(InstitutionLevel.class, "ALL").optional("ALL"),
            oneOf("payment.perCapita.headcount", PAYMENT, HeadcountBasis.class, "按签约人数 (SIGNED) 或参保人数 (ENROLLED) 计人头")
                    .requiredWhen("where payment.methods has PER_CAPITA", uses("PER_CAPITA"), "不设"),
            money("payment.perCapita.ratePerPersonMonth", PAYMENT, "人头费标准 (每人每月)").unit("元/人/月")
                    .requiredWhen("where payment.methods has PER_CAPITA", uses("PER_CAPITA"), "不设"),
            ratio("payment.perCapita.surplus.retainedShare", PAYMENT, "结余留用: 医疗机构留用结余的比例")
                    .requiredWhen("where payment.methods has PER_CAPITA", uses("PER_CAPITA"), "不设"),
            ratio("payment.perCapita.surplus.ceiling", PAYMENT, "结余按不超过预算的该比例计算")
                    .requiredWhen("where payment.methods has PER_CAPITA", uses("PER_CAPITA"), "不设"),
            ratio("payment.perCapita.overspend.fundShare", PAYMENT, "合理超支分担: 基金分担的比例")
                    .requiredWhen("where payment.methods has PER_CAPITA", uses("PER_CAPITA"), "不设"),
            ratio("payment.perCapita.overspend.ceiling", PAYMENT, "超支不超过预算该比例的部分视为合理超支")
                    .requiredWhen("where payment.methods has PER_CAPITA", uses("PER_CAPITA"), "不设"),
            list("payment.dip.medTypes", PAYMENT, ",", "按病种分值 (DIP) 付费的医疗类别").valuesOf(MedicalType.class)
                    .requiredWhen("where payment.methods has DIP", uses("DIP"), "不设"),
            list("payment.dip.levels", PAYMENT, ",", "按病种分值付费的医疗机构等级 (ALL 为全部)")
                    .valuesOf(InstitutionLevel.class, "ALL").optional("ALL"),
            ratio("payment.dip.highRatio", PAYMENT, "高倍率病例界值: 高于病种次均费用的该倍数")
                    .requiredWhen("where payment.methods has DIP", uses("DIP"), "不设"),
            ratio("payment.dip.lowRatio", PAYMENT, "低倍率病例界值: 低于病种次均费用的该倍数")
                    .requiredWhen("where payment.methods has DIP", uses("DIP"), "不设"),
            ratio("payment.dip.coefficient.tertiary", PAYMENT, "三级医疗机构等级系数").optional("不设: 该级机构不按 DIP 付费"),
            ratio("payment.dip.coefficient.secondary", PAYMENT, "二级医疗机构等级系数").optional("不设: 该级机构不按 DIP 付费"),
            ratio("payment.dip.coefficient.primary", PAYMENT, "一级及基层医疗机构等级系数").optional("不设: 该级机构不按 DIP 付费"),
            ratio("payment.dip.coefficient.pharmacy", PAYMENT, "定点零售药店等级系数").optional("不设: 药店不按 DIP 付费"),
            list(StandardProviderPaymentTerms.SEPARATELY_PAID, PAYMENT, ",", "单独支付的药品或项目编码, 以逗号分隔; none 为无")
                    .requiredWhen("where payment.methods has PER_ITEM", uses("PER_ITEM"), "不设"),

            // --- 参考数据与居民 (省级界限所读) ---
            money(StandardBounds.AVERAGE_WAGE, REFERENCE, "全省职工年平均工资 (省级界限按其比例核对)").optional("不设"),
            money("resident.outpatient.cap", RESIDENT, "城乡居民普通门诊统筹年度最高支付限额 (本平台不结算居民)").optional("不设"));

    private StandardVocabulary() {
    }

    private static boolean needsFundCap(ParameterTable t) {
        return t.has("inpatient.deductible.tertiary") || yes(t, StandardOutpatientPooling.COUNTS_TOWARD_FUND_CAP)
                || yes(t, StandardChronicDiseaseCoverage.COUNTS_TOWARD_FUND_CAP);
    }

    private static boolean yes(ParameterTable t, String key) {
        return t.entries().stream().anyMatch(p -> p.key().equals(key) && "yes".equals(p.text()));
    }

    private static Predicate<ParameterTable> has(String key) {
        return t -> t.has(key);
    }

    private static Predicate<ParameterTable> uses(String method) {
        return t -> t.entries().stream().anyMatch(p -> p.key().equals(StandardProviderPaymentTerms.METHODS)
                && List.of(p.text().split(",")).stream().map(String::strip).anyMatch(method::equals));
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
