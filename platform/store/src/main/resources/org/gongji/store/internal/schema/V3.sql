-- gongji store schema, version 3: jobs (long work in chunks that survive a restart) and an index
-- to walk a region's persons in id order.

CREATE TABLE gj_job (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  kind VARCHAR(40) NOT NULL,
  region VARCHAR(6),
  status VARCHAR(8) NOT NULL,
  job_cursor VARCHAR(200),
  progress_done BIGINT NOT NULL,
  progress_total BIGINT NOT NULL,
  job_state VARCHAR(4000),
  result_text VARCHAR(32000),
  problem_code VARCHAR(40),
  problem_detail VARCHAR(2000),
  actor VARCHAR(200) NOT NULL,
  idem_key VARCHAR(200),
  created_at TIMESTAMP NOT NULL,
  started_at TIMESTAMP,
  finished_at TIMESTAMP
);
CREATE INDEX gj_job_status ON gj_job (status);

-- A job's input in parts of at most 32,000 characters (a DIP case list runs to megabytes).
CREATE TABLE gj_job_input (
  job_id VARCHAR(36) NOT NULL,
  part_no INTEGER NOT NULL,
  part_text VARCHAR(32000) NOT NULL,
  PRIMARY KEY (job_id, part_no)
);

CREATE INDEX gj_person_region_id ON gj_person (region, id);
