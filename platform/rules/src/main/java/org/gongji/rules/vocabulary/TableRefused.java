package org.gongji.rules.vocabulary;

import java.util.List;
import java.util.stream.Collectors;

/** A region table the vocabulary refuses: the region made of it does not serve. */
public final class TableRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public TableRefused(List<Problem> problems) {
        super(problems.stream().map(Problem::display).collect(Collectors.joining("; ",
                "table refused by the key vocabulary (" + problems.size() + (problems.size() == 1 ? " problem): " : " problems): "), "")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
