-- Links that mail carries. A message's one-time link is minted when it is sent (the
-- outbox never holds a secret): a relationship invitation's mailed links are kept here,
-- beside the one shown to the partner; a set-password link goes to password_links.
-- Kept in step with ../postgres/0013_mail_links.sql.

CREATE TABLE invitation_links (
    token_hash BLOB PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES relationship_invitations (id),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX invitation_links_invitation ON invitation_links (invitation_id);
