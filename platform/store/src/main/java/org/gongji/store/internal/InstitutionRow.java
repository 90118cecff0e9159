package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

@Entity
@Table(name = "gj_institution")
public class InstitutionRow {

    @Id
    String id;
    String name;
    String region;
    @Column(name = "institution_level")
    String level;
    boolean provincial;
    @Column(name = "updated_at")
    LocalDateTime updatedAt;
}
