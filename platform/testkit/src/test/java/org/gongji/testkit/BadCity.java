package org.gongji.testkit;

import org.gongji.rules.StandardRegion;

/** The fictional city 990100 whose tertiary deductible breaks its province's 300.00 ceiling. */
public class BadCity extends StandardRegion {

    public BadCity() {
        super(table(BadCity.class, "/rules/990100-bad-city.txt"));
    }
}
