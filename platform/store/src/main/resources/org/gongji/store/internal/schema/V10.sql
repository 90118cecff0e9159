-- gongji store schema, version 10: what decides a person's benefits (category, retirement date,
-- contribution base, family) changes from a date and never rewrites the inputs of what was booked.
-- The person's row holds the version in force from version_from on; the versions it superseded
-- are kept in gj_person_version. A person stored before held one version: it holds since birth.

ALTER TABLE gj_person ADD COLUMN version_from DATE;
UPDATE gj_person SET version_from = birth_date;

CREATE TABLE gj_person_version (
  person_id VARCHAR(64) NOT NULL,
  version_from DATE NOT NULL,
  category VARCHAR(16) NOT NULL,
  retirement_date DATE,
  contribution_base_fen BIGINT NOT NULL,
  family VARCHAR(16000),
  superseded_at TIMESTAMP NOT NULL,
  PRIMARY KEY (person_id, version_from)
);

-- a family member's change is refused before a family payment made for them
CREATE INDEX gj_family_payment_beneficiary ON gj_family_payment (beneficiary_person_id);
