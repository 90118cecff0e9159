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
    public static final Section CHRONIC = Section.always("chronic", "门诊慢特病");
    public static final Section DRUG = Section.always("drug", "国家谈判药品单独支付");
    public static final Section CROSS_REGION = Section.always("crossRegion", "异地就医");
    public static final Section INPATIENT = Section.when("inpatient", "住院", "inpatient.deductible.tertiary");
    public static final Section FUND = Section.always("fund", "统筹基金");
    public static final Section ACCOUNT = Section.when("account", "个人账户", StandardAccountCrediting.OWN_RATE);
    public static final Section CRITICAL = Section.when("critical", "大病保险", StandardCriticalIllnessCoverage.DEDUCTIBLE);
    public static final Section PAYMENT = Section.when("payment", "医保支付方式", StandardProviderPaymentTerms.METHODS);
    public static final Section REFERENCE = Section.always("reference", "参考数据 (省级界限所用)");
    public static final Section RESIDENT = Section.always("resident", "城乡居民 (本平台不结算, 仅供省级界限核对)");
    public static final Section CONTRIBUTION = Section.always("contribution", "缴费基数 (参保登记与变更的取值范围)");

    public static final List<Section> SECTIONS = List.of(REGION, OUTPATIENT, CHRONIC, DRUG, INPATIENT, CROSS_REGION, FUND, ACCOUNT,
            CRITICAL, PAYMENT, REFERENCE, RESIDENT, CONTRIBUTION);

    private static final String[] TREATMENT_LEVELS = {"TERTIARY", "SECONDARY", "PRIMARY"};
    private static final String[] METHODS = names(ProviderPaymentMethod.class);
    private static final String DISEASE_CODE = "[A-Z][0-9]{5}";
    private static final String GROUP = "[A-Za-z0-9_]+";
    private static final String DRUG_CODE = "[A-Za-z0-9_-]+";

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

            // --- 门诊慢特病: 病种目录 (省定, 市可增列) 与按病种组的待遇 ---
            text("chronic.disease.{code}", CHRONIC, "门诊慢特病病种目录: 病种名称, 自该日起列入; none 自该日起移出目录 (编码为国家门诊慢特病病种代码, 一个字母加五位数字)")
                    .whereMatching("code", DISEASE_CODE).optional("不列入"),
            oneOf("chronic.disease.{code}.cover", CHRONIC, "病种保障 (DISEASE) 或自该日起改为费用保障 (COST: 按普通门诊统筹结算)",
                    "DISEASE", "COST").whereMatching("code", DISEASE_CODE).optional("DISEASE"),
            list("chronic.group.{group}.diseases", CHRONIC, "[\\s,;]+", "病种组包含的病种编码, 以空格分隔; 组内病种适用本组待遇")
                    .whereMatching("group", GROUP).optional("不设: 病种不予结算"),
            oneOf("chronic.group.{group}.deductible.mode", CHRONIC, "起付标准: 不设 (NONE)、按年度 (ANNUAL) 或按次 (PER_VISIT)",
                    "NONE", "ANNUAL", "PER_VISIT").whereMatching("group", GROUP).optional("组须设"),
            money("chronic.group.{group}.deductible", CHRONIC, "起付标准 (NONE 时不设)").whereMatching("group", GROUP)
                    .optional("NONE 时不设"),
            ratio("chronic.group.{group}.ratio", CHRONIC, "政策范围内支付比例 (各级相同时)").whereMatching("group", GROUP)
                    .optional("按级别设"),
            ratio("chronic.group.{group}.ratio.{level}", CHRONIC, "该级定点医药机构的支付比例").whereMatching("group", GROUP)
                    .where("level", "tertiary", "secondary", "primary", "pharmacy").optional("chronic.group.<组>.ratio"),
            points("chronic.group.{group}.ratio.retiredBonus", CHRONIC, "退休人员支付比例提高的百分点").whereMatching("group", GROUP)
                    .optional("0 (不提高)"),
            money("chronic.group.{group}.cap", CHRONIC, "年度最高支付限额 (按 accumulate 计算)").whereMatching("group", GROUP)
                    .optional("不设限额"),
            oneOf("chronic.group.{group}.accumulate", CHRONIC, "起付标准和限额按每个病种 (PER_DISEASE) 或全组合并 (GROUP) 计算",
                    "PER_DISEASE", "GROUP").whereMatching("group", GROUP).optional("组须设"),
            flag("chronic.group.{group}.countsTowardFundCap", CHRONIC, "本组支付是否计入统筹基金年度最高支付限额")
                    .whereMatching("group", GROUP).optional("组须设"),

            // --- 国家谈判药品单独支付 ---
            text("drug.separate.{code}", DRUG, "单独支付的谈判药品: 药品名称, 自该日起列入; none 自该日起移出")
                    .whereMatching("code", DRUG_CODE).optional("不列入"),
            ratio("drug.separate.{code}.ratio", DRUG, "该药品政策范围内费用由基金支付的比例 (不设起付标准)")
                    .whereMatching("code", DRUG_CODE).optional("列入的药品须设"),
            money("drug.separate.{code}.cap", DRUG, "该药品每人年度最高支付限额").whereMatching("code", DRUG_CODE)
                    .optional("不设限额"),
            list(StandardSeparatelyPaidDrugs.DISPENSED_AT, DRUG, "[\\s,]+", "按单独支付结算的定点医药机构等级 (双通道), 以空格分隔")
                    .valuesOf(InstitutionLevel.class)
                    .requiredWhen("where the table lists a drug (列有单独支付药品时)", StandardSeparatelyPaidDrugs::provided, "不设"),

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
            oneOf("daySurgery.settledAs", INPATIENT, "日间手术参照住院待遇结算 (INPATIENT)", "INPATIENT")
                    .optional("不设: 日间手术不予结算"),
            flag("daySurgery.countsAsAdmission", INPATIENT, "日间手术是否计为年度内住院次数 (影响再次住院起付标准)")
                    .requiredWhen("where daySurgery.settledAs is set", has("daySurgery.settledAs"), "不设"),
            oneOf("dayWard.settledAs", INPATIENT, "日间病房参照住院待遇结算 (INPATIENT)", "INPATIENT")
                    .optional("不设: 日间病房不予结算"),
            flag("dayWard.countsAsAdmission", INPATIENT, "日间病房是否计为年度内住院次数")
                    .requiredWhen("where dayWard.settledAs is set", has("dayWard.settledAs"), "不设"),

            // --- 异地就医 (参保地政策) ---
            flag("crossRegion.{scope}.filingRequired", CROSS_REGION, "省内 (province) 或跨省 (national) 异地就医是否须事先备案")
                    .where("scope", "province", "national").optional("不设: 不核备案"),
            points("crossRegion.{scope}.unfiledRatioReduction", CROSS_REGION, "须备案而未备案的异地就医, 支付比例降低的百分点")
                    .where("scope", "province", "national").optional("0 (不降低)"),

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

            flag(StandardAccountCrediting.PREMIUM_IN_PROVINCE, ACCOUNT, "个人账户为直系亲属缴纳保费, 仅限其在本省参保 (如浙江 本省城乡居民基本医保)")
                    .optional("no"),

            // --- 缴费基数 (the store refuses a person's base outside them: OUTSIDE_REGION_LIMITS) ---
            money("contribution.base.floor", CONTRIBUTION, "职工月缴费基数下限; 登记或变更低于它的缴费基数被拒绝")
                    .optional("不设: 无下限"),
            money("contribution.base.ceiling", CONTRIBUTION, "职工月缴费基数上限; 登记或变更高于它的缴费基数被拒绝")
                    .optional("不设: 无上限"),

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
            oneOf("payment.perCapita.headcount", PAYMENT, HeadcountBasis.class, "按签约人数 (SIGNED)、参保人数 (ENROLLED) 或本期有门诊慢特病结算的认定人数 (RECOGNISED) 计人头")
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
            list("payment.drg.medTypes", PAYMENT, ",", "按疾病诊断相关分组 (DRG) 付费的医疗类别").valuesOf(MedicalType.class)
                    .requiredWhen("where payment.methods has DRG", uses("DRG"), "不设"),
            list("payment.drg.levels", PAYMENT, ",", "按 DRG 付费的医疗机构等级 (ALL 为全部)")
                    .valuesOf(InstitutionLevel.class, "ALL").optional("ALL"),
            ratio("payment.drg.highRatio", PAYMENT, "DRG 高倍率病例界值: 高于组内例均费用的该倍数")
                    .requiredWhen("where payment.methods has DRG", uses("DRG"), "不设"),
            ratio("payment.drg.lowRatio", PAYMENT, "DRG 低倍率病例界值: 低于组内例均费用的该倍数")
                    .requiredWhen("where payment.methods has DRG", uses("DRG"), "不设"),
            ratio("payment.drg.coefficient.{level}", PAYMENT, "DRG 医疗机构等级系数")
                    .where("level", "tertiary", "secondary", "primary", "pharmacy").optional("不设: 该级机构不按 DRG 付费"),
            list("payment.bedDay.medTypes", PAYMENT, ",", "按床日付费的医疗类别 (长期住院)").valuesOf(MedicalType.class)
                    .requiredWhen("where payment.methods has BED_DAY", uses("BED_DAY"), "不设"),
            list("payment.bedDay.levels", PAYMENT, ",", "按床日付费的医疗机构等级 (ALL 为全部)")
                    .valuesOf(InstitutionLevel.class, "ALL").optional("ALL"),
            money("payment.bedDay.rate.{category}", PAYMENT, "该类长期住院 (如 REHABILITATION 医疗康复, PSYCHIATRIC 慢性精神疾病) 每床日费用标准")
                    .unit("元/床日").whereMatching("category", "[A-Z_]+").optional("不设: 该类不按床日付费"),
            text("payment.bedDay.band.{n}.fromDay", PAYMENT, "床日分段: 该段自住院第几日起 (整数; 第1段自第1日起)")
                    .whereMatching("n", "[0-9]+").optional("按床日付费时须设第1段"),
            ratio("payment.bedDay.band.{n}.share", PAYMENT, "该段床日按标准的比例").whereMatching("n", "[0-9]+")
                    .optional("与 fromDay 同设"),
            list(StandardProviderPaymentTerms.SEPARATELY_PAID, PAYMENT, ",", "单独支付的药品或项目编码, 以逗号分隔; none 为无")
                    .requiredWhen("where payment.methods has PER_ITEM", uses("PER_ITEM"), "不设"),

            // --- 参考数据与居民 (省级界限所读) ---
            money(StandardBounds.AVERAGE_WAGE, REFERENCE, "全省职工年平均工资 (省级界限按其比例核对)").optional("不设"),
            money("resident.outpatient.cap", RESIDENT, "城乡居民普通门诊统筹年度最高支付限额 (本平台不结算居民)").optional("不设"));

    private StandardVocabulary() {
    }

    private static boolean needsFundCap(ParameterTable t) {
        return t.has("inpatient.deductible.tertiary") || yes(t, StandardOutpatientPooling.COUNTS_TOWARD_FUND_CAP)
                || t.entries().stream().anyMatch(p -> p.key().startsWith(StandardChronicDiseaseCoverage.GROUP_PREFIX)
                        && p.key().endsWith(".countsTowardFundCap") && "yes".equals(p.text()));
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
