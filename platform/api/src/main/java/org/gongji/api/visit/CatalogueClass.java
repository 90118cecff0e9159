package org.gongji.api.visit;

/** Class of a fee line in the insurance catalogue. */
public enum CatalogueClass {
    /** 甲类: fully in scope. */
    A,
    /** 乙类: in scope after the patient pre-pays a share (先行自付). */
    B,
    /** 丙类: outside the catalogue, fully self-paid (全自费). */
    C
}
