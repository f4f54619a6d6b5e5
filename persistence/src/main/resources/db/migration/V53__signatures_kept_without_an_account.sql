-- An agency archive (format 4, ADR 70) brings briefs back with their signatures. The signer was a user of the
-- agency the archive came from; e-mails sign in to one agency only (app_user_email), so in the importing agency
-- that person has, as a rule, no account. The signature stays the evidence of an agreed version: it keeps the
-- signer's name, e-mail, side and instant, and points at a user only when the importing agency has one with
-- that e-mail. Signatures made in the application keep signed_by as before.
ALTER TABLE brief_signature ALTER COLUMN signed_by DROP NOT NULL;
ALTER TABLE brief_signature ADD COLUMN signer_email text CHECK (signer_email = lower(signer_email));
ALTER TABLE brief_signature ADD CONSTRAINT brief_signature_signer_known
    CHECK (signed_by IS NOT NULL OR signer_email IS NOT NULL);
