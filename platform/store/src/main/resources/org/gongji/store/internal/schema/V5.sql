-- gongji store schema, version 5: who writes. API clients with the SHA-256 of their bearer token,
-- idempotency keys per client, the client of every audit row and of a settlement's booking and reversal.

CREATE TABLE gj_client (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  client_role VARCHAR(16) NOT NULL,
  region VARCHAR(6),
  institution_id VARCHAR(64),
  token_hash VARCHAR(64) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP,
  revoked_at TIMESTAMP,
  changed_at TIMESTAMP NOT NULL,
  CONSTRAINT gj_client_token UNIQUE (token_hash)
);
CREATE INDEX gj_client_changed ON gj_client (changed_at);

-- A key belongs to the client that sent it: the same key from another client is another key.
-- Keys written before clients existed belong to the client '' (nobody can send them again).
CREATE TABLE gj_idempotency_key (
  client_id VARCHAR(64) NOT NULL,
  idem_key VARCHAR(200) NOT NULL,
  fingerprint VARCHAR(128) NOT NULL,
  operation VARCHAR(40) NOT NULL,
  result_ref VARCHAR(500),
  created_at TIMESTAMP NOT NULL,
  PRIMARY KEY (client_id, idem_key)
);
INSERT INTO gj_idempotency_key (client_id, idem_key, fingerprint, operation, result_ref, created_at)
  SELECT '', idem_key, fingerprint, operation, result_ref, created_at FROM gj_idempotency;
DROP TABLE gj_idempotency;

ALTER TABLE gj_audit ADD COLUMN client_id VARCHAR(64);
ALTER TABLE gj_audit ADD COLUMN region VARCHAR(6);
CREATE INDEX gj_audit_time ON gj_audit (happened_at);

ALTER TABLE gj_settlement ADD COLUMN booked_by VARCHAR(64);
ALTER TABLE gj_settlement ADD COLUMN reversed_by VARCHAR(64);

ALTER TABLE gj_job ADD COLUMN client_id VARCHAR(64);
