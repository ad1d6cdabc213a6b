-- Refused attempts. On the one-desk embedded store the operating-system user acts and holds every role, so nothing
-- is refused here; the table keeps the schema the same as the team store's (see the PostgreSQL V7 for the roles).

CREATE TABLE access_denials (
    id          INTEGER      NOT NULL PRIMARY KEY AUTOINCREMENT,
    at          BIGINT       NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(50)  NOT NULL,
    subject     VARCHAR(300),
    needed      VARCHAR(200) NOT NULL,
    detail      TEXT
);

CREATE INDEX access_denials_by_time ON access_denials (at);

CREATE TRIGGER access_denials_no_update BEFORE UPDATE ON access_denials
BEGIN
    SELECT RAISE(ABORT, 'access_denials is append-only: rows cannot be changed');
END;

CREATE TRIGGER access_denials_no_delete BEFORE DELETE ON access_denials
BEGIN
    SELECT RAISE(ABORT, 'access_denials is append-only: rows cannot be deleted');
END;
