-- Desired state: what the router and the registry should say about each deployment. Every rollout transition and
-- rollback switch writes the next generation in the transaction that records it; effects are derived from this
-- row, re-applied until confirmed, and the generation fences actions that read an older one.

CREATE TABLE deployment_state (
    deployment_name     VARCHAR(200) NOT NULL PRIMARY KEY,
    generation          BIGINT       NOT NULL CHECK (generation > 0),
    owner               VARCHAR(100) NOT NULL,
    production_version  VARCHAR(100) NOT NULL,
    canary_version      VARCHAR(100),
    canary_percent      INTEGER      NOT NULL CHECK (canary_percent BETWEEN 0 AND 100),
    previous_version    VARCHAR(100),
    statuses            TEXT         NOT NULL,
    source              VARCHAR(400) NOT NULL,
    updated_at          BIGINT       NOT NULL,
    updated_by          VARCHAR(200) NOT NULL,
    router_target       VARCHAR(500),
    router_generation   BIGINT       NOT NULL,
    router_confirmed_at BIGINT
);

-- Facts about the workspace itself; workspace_id names its audit key and checkpoint, which live outside it.
CREATE TABLE workspace_meta (
    name  VARCHAR(100) NOT NULL PRIMARY KEY,
    value VARCHAR(500) NOT NULL
);
