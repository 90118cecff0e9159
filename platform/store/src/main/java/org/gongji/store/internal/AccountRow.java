package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A person's account; locked for update by every booking for the person. */
@Entity
@Table(name = "gj_account")
public class AccountRow {

    @Id
    @Column(name = "person_id")
    String personId;
    @Column(name = "balance_fen")
    long balanceFen;
    @Column(name = "entry_count")
    long entryCount;
    @Column(name = "updated_at")
    LocalDateTime updatedAt;
}
