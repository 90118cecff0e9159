-- gongji store schema, version 8: where a settled visit was seen from the insured region (异地就医):
-- PROVINCE (another city of the province), NATIONAL (another province), null in the insured city.

ALTER TABLE gj_settlement ADD COLUMN cross_region VARCHAR(8);
