-- gongji store schema, version 8: where a settled visit was seen from the insured region (异地就医):
-- PROVINCE (another city of the province), NATIONAL (another province), null in the insured city; and whether
-- the visit was filed beforehand (备案), so that a simulation settles it again the same way.

ALTER TABLE gj_settlement ADD COLUMN cross_region VARCHAR(8);
ALTER TABLE gj_settlement ADD COLUMN filed BOOLEAN DEFAULT FALSE NOT NULL;
