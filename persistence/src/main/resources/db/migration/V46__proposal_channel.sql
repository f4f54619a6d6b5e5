-- How a renegotiation proposal reached the client (ADR 65). Proposals recorded before this column have
-- no channel (null: not known); every proposal recorded from now on has one.
ALTER TABLE renegotiation_proposal
    ADD COLUMN channel text CHECK (channel IN ('EMAIL', 'POST', 'MEETING', 'PHONE', 'PORTAL', 'OTHER'));
