package org.gongji.store;

import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.spi.account.AccountPurpose;

/** 家庭共济: the holder's account pays a close family member's (or the holder's own) cost or premium. */
public record FamilyPayment(String payerPersonId, String beneficiaryPersonId, AccountPurpose purpose, Money amount) {

    public FamilyPayment {
        Objects.requireNonNull(payerPersonId, "payerPersonId");
        Objects.requireNonNull(beneficiaryPersonId, "beneficiaryPersonId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(amount, "amount");
    }
}
