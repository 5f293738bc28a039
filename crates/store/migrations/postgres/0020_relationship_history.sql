-- Earlier relationship requests, listed newest first for the partner that sent them, with
-- the address the link was mailed to, if any. Kept in step with ../sqlite/0020_relationship_history.sql.
ALTER TABLE relationship_invitations ADD COLUMN sent_to TEXT;
CREATE INDEX relationship_invitations_partner ON relationship_invitations (partner_id, created_at);
