-- gongji store schema, version 11: an import run as a job lists its refused lines here (the first
-- 10,000 of them, as the synchronous answer does), since they do not fit the job's result.

CREATE TABLE gj_job_refusal (
  job_id VARCHAR(36) NOT NULL,
  line_no INTEGER NOT NULL,
  code VARCHAR(40) NOT NULL,
  detail VARCHAR(2000),
  PRIMARY KEY (job_id, line_no)
);
