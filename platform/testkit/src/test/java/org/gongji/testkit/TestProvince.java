package org.gongji.testkit;

import org.gongji.rules.StandardRegion;

/** The fictional province 990000 (a public no-argument constructor, as a DS component has). */
public class TestProvince extends StandardRegion {

    public TestProvince() {
        super(table(TestProvince.class, "/rules/990000-province.txt"));
    }
}
