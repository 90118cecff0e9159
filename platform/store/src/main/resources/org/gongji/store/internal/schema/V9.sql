-- gongji store schema, version 9: a chronic-disease recognition (认定) is dated, from a day and
-- optionally until one, and the same disease may be recognised again after a recognition ended.
-- Recognitions stored before had no date: they are kept as recognised since the person's birth.

CREATE TABLE gj_chronic_recognition (
  person_id VARCHAR(64) NOT NULL,
  disease_code VARCHAR(64) NOT NULL,
  recognised_from DATE NOT NULL,
  recognised_to DATE,
  PRIMARY KEY (person_id, disease_code, recognised_from)
);

INSERT INTO gj_chronic_recognition (person_id, disease_code, recognised_from)
  SELECT c.person_id, c.disease_code, p.birth_date FROM gj_chronic_disease c JOIN gj_person p ON p.id = c.person_id;

DROP TABLE gj_chronic_disease;
