package org.gongji.rules.vocabulary;

import java.time.LocalDate;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;

/** What a value of a parameter table is, and how a bureau writes it. */
public enum Kind {
    /** Yuan with two decimals, not negative: {@code 50.00}. */
    MONEY("金额 (元, 两位小数, 如 50.00)"),
    /** A share written in percent: {@code 55%}. */
    RATIO("比例 (百分数, 如 55%)"),
    /** Percentage points added to a ratio, written in percent: {@code 10%} = 10 points. */
    POINTS("百分点 (如 10% 即 10 个百分点)"),
    /** One word of a fixed list. */
    ENUM("取值之一"),
    /** Several items, separated as the key says. */
    LIST("列表"),
    /** {@code YYYY-MM-DD}. */
    DATE("日期 (YYYY-MM-DD)"),
    /** {@code yes} or {@code no}. */
    FLAG("是否 (yes | no)"),
    /** Free text. */
    TEXT("文本"),
    /** A six-digit region code: {@code 410800}. */
    CODE("六位区划代码 (如 410800)");

    private final String howToWrite;

    Kind(String howToWrite) {
        this.howToWrite = howToWrite;
    }

    /** How a value of this kind is written, in the bureau's words. */
    public String howToWrite() {
        return howToWrite;
    }

    /** Whether the value the table reader made of a text is of this kind (the words of ENUM and LIST are checked by the key). */
    boolean accepts(Object value, String text) {
        return switch (this) {
            case MONEY -> value instanceof Money m && !m.isNegative();
            case RATIO -> value instanceof Ratio r && r.basisPoints() >= 0;
            case POINTS -> value instanceof Ratio;
            case DATE -> value instanceof LocalDate;
            case FLAG -> "yes".equals(text) || "no".equals(text);
            case CODE -> text.matches("\\d{6}");
            case ENUM, LIST, TEXT -> !text.isBlank();
        };
    }
}
