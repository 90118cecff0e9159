-- gongji store schema, version 1. Portable between Derby 10.16 and PostgreSQL: no vendor types.
-- Money in fen (BIGINT), ratios in basis points (INTEGER).

CREATE TABLE gj_person (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  name VARCHAR(200),
  region VARCHAR(6) NOT NULL,
  birth_date DATE NOT NULL,
  category VARCHAR(16) NOT NULL,
  retirement_date DATE,
  contribution_base_fen BIGINT NOT NULL,
  family_doctor_institution_id VARCHAR(64),
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX gj_person_region ON gj_person (region);

CREATE TABLE gj_family_member (
  person_id VARCHAR(64) NOT NULL,
  member_person_id VARCHAR(64) NOT NULL,
  relation VARCHAR(16) NOT NULL,
  PRIMARY KEY (person_id, member_person_id)
);

CREATE TABLE gj_chronic_disease (
  person_id VARCHAR(64) NOT NULL,
  disease_code VARCHAR(64) NOT NULL,
  PRIMARY KEY (person_id, disease_code)
);

CREATE TABLE gj_institution (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  name VARCHAR(200),
  region VARCHAR(6) NOT NULL,
  institution_level VARCHAR(16) NOT NULL,
  provincial BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

-- One row per person: the lock that serialises every booking for the person.
CREATE TABLE gj_account (
  person_id VARCHAR(64) NOT NULL PRIMARY KEY,
  balance_fen BIGINT NOT NULL,
  entry_count BIGINT NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

CREATE TABLE gj_account_entry (
  person_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  entry_date DATE NOT NULL,
  amount_fen BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  reference VARCHAR(100) NOT NULL,
  note VARCHAR(1000),
  balance_after_fen BIGINT NOT NULL,
  booked_at TIMESTAMP NOT NULL,
  PRIMARY KEY (person_id, seq),
  CONSTRAINT gj_account_entry_once UNIQUE (person_id, kind, reference)
);

CREATE TABLE gj_year_to_date (
  person_id VARCHAR(64) NOT NULL,
  year_no INTEGER NOT NULL,
  go_deductible_fen BIGINT NOT NULL,
  go_pool_fen BIGINT NOT NULL,
  go_visits INTEGER NOT NULL,
  co_deductible_fen BIGINT NOT NULL,
  co_pool_fen BIGINT NOT NULL,
  co_visits INTEGER NOT NULL,
  ip_deductible_fen BIGINT NOT NULL,
  ip_pool_fen BIGINT NOT NULL,
  ip_visits INTEGER NOT NULL,
  fund_cap_used_fen BIGINT NOT NULL,
  ci_base_fen BIGINT NOT NULL,
  ci_paid_fen BIGINT NOT NULL,
  PRIMARY KEY (person_id, year_no)
);

CREATE TABLE gj_settlement (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  person_id VARCHAR(64) NOT NULL,
  institution_id VARCHAR(64) NOT NULL,
  region VARCHAR(6) NOT NULL,
  visit_date DATE NOT NULL,
  med_type VARCHAR(24) NOT NULL,
  disease_code VARCHAR(64),
  use_account BOOLEAN NOT NULL,
  status VARCHAR(12) NOT NULL,
  total_fen BIGINT NOT NULL,
  fully_self_paid_fen BIGINT NOT NULL,
  pre_self_paid_fen BIGINT NOT NULL,
  in_scope_fen BIGINT NOT NULL,
  deductible_paid_fen BIGINT NOT NULL,
  pool_ratio_bp INTEGER NOT NULL,
  pool_paid_fen BIGINT NOT NULL,
  over_cap_fen BIGINT NOT NULL,
  critical_illness_paid_fen BIGINT NOT NULL,
  fund_paid_fen BIGINT NOT NULL,
  personal_part_fen BIGINT NOT NULL,
  account_paid_fen BIGINT NOT NULL,
  cash_paid_fen BIGINT NOT NULL,
  account_balance_fen BIGINT NOT NULL,
  delta_year INTEGER NOT NULL,
  delta_benefit VARCHAR(24) NOT NULL,
  delta_deductible_fen BIGINT NOT NULL,
  delta_pool_fen BIGINT NOT NULL,
  delta_visits INTEGER NOT NULL,
  delta_fund_cap_fen BIGINT NOT NULL,
  delta_ci_base_fen BIGINT NOT NULL,
  delta_ci_paid_fen BIGINT NOT NULL,
  trace VARCHAR(32000) NOT NULL,
  booked_at TIMESTAMP NOT NULL,
  reversed_at TIMESTAMP
);
CREATE INDEX gj_settlement_person ON gj_settlement (person_id);

CREATE TABLE gj_settlement_line (
  settlement_id VARCHAR(36) NOT NULL,
  line_no INTEGER NOT NULL,
  code VARCHAR(64),
  name VARCHAR(200),
  catalogue_class VARCHAR(1) NOT NULL,
  amount_fen BIGINT NOT NULL,
  pre_self_pay_bp INTEGER NOT NULL,
  PRIMARY KEY (settlement_id, line_no)
);

CREATE TABLE gj_family_payment (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  payer_person_id VARCHAR(64) NOT NULL,
  beneficiary_person_id VARCHAR(64) NOT NULL,
  relation VARCHAR(16) NOT NULL,
  purpose VARCHAR(48) NOT NULL,
  amount_fen BIGINT NOT NULL,
  payment_date DATE NOT NULL,
  balance_after_fen BIGINT NOT NULL,
  rule_text VARCHAR(500),
  citation_document VARCHAR(200),
  citation_clause VARCHAR(500),
  citation_assumption BOOLEAN NOT NULL,
  booked_at TIMESTAMP NOT NULL
);

CREATE TABLE gj_crediting_run (
  region VARCHAR(6) NOT NULL,
  credit_month VARCHAR(7) NOT NULL,
  runs INTEGER NOT NULL,
  persons_credited INTEGER NOT NULL,
  total_credited_fen BIGINT NOT NULL,
  first_run_at TIMESTAMP NOT NULL,
  last_run_at TIMESTAMP NOT NULL,
  PRIMARY KEY (region, credit_month)
);

CREATE TABLE gj_idempotency (
  idem_key VARCHAR(200) NOT NULL PRIMARY KEY,
  fingerprint VARCHAR(128) NOT NULL,
  operation VARCHAR(40) NOT NULL,
  result_ref VARCHAR(500),
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE gj_audit (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  happened_at TIMESTAMP NOT NULL,
  actor VARCHAR(200) NOT NULL,
  action VARCHAR(40) NOT NULL,
  target VARCHAR(200) NOT NULL,
  detail VARCHAR(2000),
  idem_key VARCHAR(200)
);
CREATE INDEX gj_audit_target ON gj_audit (target);
