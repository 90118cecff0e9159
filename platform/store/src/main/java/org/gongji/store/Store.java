package org.gongji.store;

/** The booking services over one database. */
public interface Store {

    PersonDirectory persons();

    SettlementService settlements();

    AccountService accounts();
}
