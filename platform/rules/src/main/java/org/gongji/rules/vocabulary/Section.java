package org.gongji.rules.vocabulary;

/**
 * A part of a region table that is there or not as a whole: a benefit, the region's identity, a
 * province's bounds. Its required keys are required when its trigger key is in the table.
 *
 * @param name the prefix of its keys, e.g. {@code outpatient}
 * @param title what it is, in Chinese
 * @param trigger the key whose presence means the region provides this part; null: every table has it
 */
public record Section(String name, String title, String trigger) {

    public static Section always(String name, String title) {
        return new Section(name, title, null);
    }

    public static Section when(String name, String title, String trigger) {
        return new Section(name, title, trigger);
    }
}
