-- gongji store schema, version 2: provider payment runs (按人头, DIP, 按项目), one per region, method and period.

CREATE TABLE gj_payment_run (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  region VARCHAR(6) NOT NULL,
  pay_method VARCHAR(16) NOT NULL,
  period_label VARCHAR(8) NOT NULL,
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,
  inputs_fingerprint VARCHAR(64) NOT NULL,
  rules_region VARCHAR(6) NOT NULL,
  total_fen BIGINT NOT NULL,
  trace VARCHAR(32000) NOT NULL,
  ran_at TIMESTAMP NOT NULL,
  CONSTRAINT gj_payment_run_once UNIQUE (region, pay_method, period_label)
);

CREATE TABLE gj_payment_line (
  run_id VARCHAR(36) NOT NULL,
  institution_id VARCHAR(64) NOT NULL,
  amount_fen BIGINT NOT NULL,
  trace VARCHAR(32000) NOT NULL,
  PRIMARY KEY (run_id, institution_id)
);
