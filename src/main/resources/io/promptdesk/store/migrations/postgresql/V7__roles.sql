-- Who may do what. Five PostgreSQL roles, granted to each engineer's own login; the grants below are the whole of
-- what each may change, so going around PromptDesk (psql) allows no more than PromptDesk does:
--   promptdesk_viewer    reads everything
--   promptdesk_author    registers versions
--   promptdesk_releaser  starts, advances, pauses, resumes, completes and aborts rollouts (and drives them)
--   promptdesk_oncall    rolls back
--   promptdesk_admin     grants and revokes the five roles
-- Every role reads everything. Roles belong to the whole server (cluster): made once, granted in every database.
-- Who did something comes from the database session: a history or audit row naming anyone but session_user is
-- refused, except for the store's owner (who can change anything anyway, and copies a desk's history in).
-- A refused attempt is recorded in access_denials, which every login may append to and no one may change.

DO $$
DECLARE
    r TEXT;
BEGIN
    FOREACH r IN ARRAY ARRAY['promptdesk_viewer', 'promptdesk_author', 'promptdesk_releaser', 'promptdesk_oncall',
                             'promptdesk_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another database of the same server made it at the same moment
            END;
        END IF;
    END LOOP;
END;
$$;

-- The admin role hands out the other four (and nothing else); the admin role itself is granted by the store's
-- owner (PostgreSQL does not let a role administer itself). PostgreSQL 15 can give the admin option only with
-- membership, so the admin role does not inherit what it hands out: an admin reads, and may grant, but may not
-- release or roll back unless also granted those roles. Roles are held when their privileges are inherited
-- (pg_has_role ... 'USAGE').
ALTER ROLE promptdesk_admin NOINHERIT;
GRANT promptdesk_viewer, promptdesk_author, promptdesk_releaser, promptdesk_oncall
    TO promptdesk_admin WITH ADMIN OPTION;

-- The store's id (named by its audit) is made here, by the owner, not by whichever login writes first.
INSERT INTO workspace_meta (name, value)
    SELECT 'workspace_id', gen_random_uuid()::text
    WHERE NOT EXISTS (SELECT 1 FROM workspace_meta WHERE name = 'workspace_id');

CREATE TABLE access_denials (
    id          BIGSERIAL    NOT NULL PRIMARY KEY,
    at          BIGINT       NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(50)  NOT NULL,
    subject     VARCHAR(300),
    needed      VARCHAR(200) NOT NULL,
    detail      TEXT
);

CREATE INDEX access_denials_by_time ON access_denials (at);

CREATE TRIGGER access_denials_no_update BEFORE UPDATE ON access_denials
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('access_denials is append-only: rows cannot be changed');

CREATE TRIGGER access_denials_no_delete BEFORE DELETE ON access_denials
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('access_denials is append-only: rows cannot be deleted');

-- True for the store's owner (the login that ran `store init`) and superusers.
CREATE FUNCTION promptdesk_is_owner() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'MEMBER')
$$;

-- True for a releaser (or the owner): the guards below let a releaser change anything its grants allow.
CREATE FUNCTION promptdesk_may_release() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT promptdesk_is_owner() OR pg_has_role(session_user, 'promptdesk_releaser', 'USAGE')
$$;

-- A row's actor must be the login that writes it: the name a client sends cannot be forged. The usual case (the
-- login's own name) is decided without a lookup; the column is read directly, not through a copy of the row.
CREATE FUNCTION promptdesk_refuse_actor(tbl TEXT, col TEXT, who TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT promptdesk_is_owner() THEN
        RAISE EXCEPTION '%.% must be the login writing it (%), not %', tbl, col, session_user, who
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END;
$$;

CREATE FUNCTION promptdesk_actor_is_session_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.actor IS DISTINCT FROM session_user::text THEN
        PERFORM promptdesk_refuse_actor(TG_TABLE_NAME, 'actor', NEW.actor);
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION promptdesk_trigger_is_session_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.triggered_by IS DISTINCT FROM session_user::text THEN
        PERFORM promptdesk_refuse_actor(TG_TABLE_NAME, 'triggered_by', NEW.triggered_by);
    END IF;
    RETURN NEW;
END;
$$;

-- A denial always names the login that was refused.
CREATE FUNCTION promptdesk_denial_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := session_user;
    RETURN NEW;
END;
$$;

CREATE TRIGGER access_denials_actor BEFORE INSERT ON access_denials
    FOR EACH ROW EXECUTE FUNCTION promptdesk_denial_actor();

CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION promptdesk_actor_is_session_user();
CREATE TRIGGER registry_events_actor BEFORE INSERT ON registry_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_actor_is_session_user();
CREATE TRIGGER remote_registry_events_actor BEFORE INSERT ON remote_registry_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_actor_is_session_user();
CREATE TRIGGER rollout_events_actor BEFORE INSERT ON rollout_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_actor_is_session_user();
CREATE TRIGGER health_checks_actor BEFORE INSERT ON health_checks
    FOR EACH ROW EXECUTE FUNCTION promptdesk_actor_is_session_user();
CREATE TRIGGER rollbacks_actor BEFORE INSERT ON rollbacks
    FOR EACH ROW EXECUTE FUNCTION promptdesk_trigger_is_session_user();

-- An admin's grants and revokes are recorded in the audit.
GRANT INSERT ON audit_log TO promptdesk_admin;

-- Reading: every role, everything.
GRANT SELECT ON ALL TABLES IN SCHEMA public
    TO promptdesk_viewer, promptdesk_author, promptdesk_releaser, promptdesk_oncall, promptdesk_admin;

-- A refused attempt is recorded by whoever was refused, with or without a role.
GRANT INSERT ON access_denials TO PUBLIC;
GRANT USAGE ON SEQUENCE access_denials_id_seq TO PUBLIC;

-- Author: a new model and version, its tags, and their history.
GRANT INSERT ON models, model_versions, model_tags, registry_events, remote_registry_events, audit_log
    TO promptdesk_author;
GRANT UPDATE ON model_tags TO promptdesk_author;

-- Releaser: rollouts, their health checks and who drives them, the desired state they set, and the registry
-- changes a rollout makes (status, aliases, tags).
GRANT INSERT, UPDATE ON rollouts, deployment_state, driver_leases, model_aliases, model_tags TO promptdesk_releaser;
GRANT DELETE ON driver_leases, model_aliases TO promptdesk_releaser;
GRANT INSERT ON rollout_events, health_checks, registry_events, remote_registry_events, audit_log
    TO promptdesk_releaser;
GRANT UPDATE (status) ON model_versions TO promptdesk_releaser;

-- Oncall: rollbacks and their steps, the desired state and registry changes a rollback makes, and the rollout it
-- stops.
GRANT INSERT, UPDATE ON rollbacks, deployment_state, model_aliases, model_tags TO promptdesk_oncall;
GRANT INSERT ON rollback_steps, rollout_events, registry_events, remote_registry_events, audit_log
    TO promptdesk_oncall;
GRANT UPDATE ON rollouts TO promptdesk_oncall;
GRANT UPDATE (status) ON model_versions TO promptdesk_oncall;
GRANT DELETE ON driver_leases, model_aliases TO promptdesk_oncall;

-- A rollback stops the deployment's rollout; that is all an on-call engineer may do to a rollout. Anything else
-- (start, advance, pause, resume, complete, abort) needs the releaser role.
CREATE FUNCTION promptdesk_rollout_change_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stopping BOOLEAN;
BEGIN
    IF promptdesk_may_release() THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'rollouts' THEN
        stopping := NEW.status IN ('rolled_back', 'failed');
    ELSE
        stopping := NEW.kind IN ('rolled_back', 'failed');
    END IF;
    IF NOT stopping THEN
        RAISE EXCEPTION 'changing a rollout needs the releaser role (% may only stop it by rolling back)',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER rollouts_change_guard BEFORE UPDATE ON rollouts
    FOR EACH ROW EXECUTE FUNCTION promptdesk_rollout_change_guard();
CREATE TRIGGER rollout_events_change_guard BEFORE INSERT ON rollout_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_rollout_change_guard();

-- What a rollback writes to the desired state: every request to one version, no canary. An on-call engineer may
-- write nothing else there (a canary split is a release).
CREATE FUNCTION promptdesk_desired_state_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF promptdesk_may_release() THEN
        RETURN NEW;
    END IF;
    IF NEW.canary_version IS NOT NULL OR NEW.canary_percent <> 0 THEN
        RAISE EXCEPTION 'a canary split needs the releaser role (% may only send every request to one version)',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER deployment_state_guard BEFORE INSERT OR UPDATE ON deployment_state
    FOR EACH ROW EXECUTE FUNCTION promptdesk_desired_state_guard();

-- A rollback moves production back to an earlier version; moving it forward, or adding aliases, is a release.
CREATE FUNCTION promptdesk_alias_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was BIGINT;
    now_at BIGINT;
BEGIN
    IF promptdesk_may_release() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.alias = 'production' THEN
        SELECT created_at INTO was FROM model_versions WHERE model_name = OLD.model_name AND version = OLD.version;
        SELECT created_at INTO now_at FROM model_versions WHERE model_name = NEW.model_name AND version = NEW.version;
        IF now_at <= was THEN
            RETURN NEW;
        END IF;
    ELSIF NEW.alias = 'previous' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'moving the % alias there needs the releaser role (% may only roll production back)',
        NEW.alias, session_user USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER model_aliases_guard BEFORE INSERT OR UPDATE ON model_aliases
    FOR EACH ROW EXECUTE FUNCTION promptdesk_alias_guard();

-- An author registers candidates; a version registered as stable or canary is a release (the releaser's).
CREATE FUNCTION promptdesk_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF promptdesk_may_release()
            OR pg_has_role(session_user, 'promptdesk_oncall', 'USAGE') AND TG_OP = 'UPDATE' THEN
        RETURN NEW;
    END IF;
    IF NEW.status IN ('stable', 'canary') THEN
        RAISE EXCEPTION 'a % version is a release and needs the releaser role (% may register candidates)',
            NEW.status, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER model_versions_guard BEFORE INSERT OR UPDATE ON model_versions
    FOR EACH ROW EXECUTE FUNCTION promptdesk_version_guard();
