-- gongji store schema, version 7: fund simulations (基金测算), one row per finished simulation job.

CREATE TABLE gj_simulation (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  region VARCHAR(6) NOT NULL,
  sim_year INTEGER NOT NULL,
  result VARCHAR(32000) NOT NULL,
  ran_at TIMESTAMP NOT NULL
);
