-- A report's conversation key is sealed to the intake key in the same envelope as the report
-- (one public-key operation per report instead of two): the separate copy goes.
ALTER TABLE intake_report DROP COLUMN conversation_sealed;
