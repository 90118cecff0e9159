-- gongji store schema, version 6: named accumulator pools (a chronic disease or group of diseases, a separately
-- paid drug) per person and year and per settlement, and the fund pay for separately paid negotiated drugs.
-- A pool cell is "name=deductibleFen,poolFen,visits" entries separated by ';'.

ALTER TABLE gj_year_to_date ADD COLUMN pools VARCHAR(4000);
ALTER TABLE gj_settlement ADD COLUMN delta_pools VARCHAR(4000);
ALTER TABLE gj_settlement ADD COLUMN separately_paid_fen BIGINT DEFAULT 0 NOT NULL;
