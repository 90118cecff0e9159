-- gongji store schema, version 4: a provider payment run is a DRAFT (books nothing, closes nothing)
-- until confirmed (CONFIRMED closes the period for its method); a confirmed run can be revoked
-- (REVOKED, 清算撤销), which reopens the period. One live (not revoked) run per region, method and
-- period: live_key is null once revoked. Runs stored before this version had closed their period:
-- they are CONFIRMED.

ALTER TABLE gj_payment_run ADD COLUMN run_status VARCHAR(10) DEFAULT 'CONFIRMED' NOT NULL;
ALTER TABLE gj_payment_run ADD COLUMN settled_basis VARCHAR(200);
ALTER TABLE gj_payment_run ADD COLUMN confirmed_at TIMESTAMP;
ALTER TABLE gj_payment_run ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE gj_payment_run ADD COLUMN live_key VARCHAR(40);
UPDATE gj_payment_run SET live_key = region || '|' || pay_method || '|' || period_label, confirmed_at = ran_at;
ALTER TABLE gj_payment_run DROP CONSTRAINT gj_payment_run_once;
ALTER TABLE gj_payment_run ADD CONSTRAINT gj_payment_run_live UNIQUE (live_key);
CREATE INDEX gj_settlement_region_date ON gj_settlement (region, visit_date);
