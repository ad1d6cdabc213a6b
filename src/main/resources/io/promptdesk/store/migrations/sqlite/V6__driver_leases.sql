-- Who drives each deployment's rollout: one desk at a time holds a lease and renews it on every tick; a lease not
-- renewed by its deadline may be taken by another desk (the takeover is an event in the rollout's log). Times are
-- epoch milliseconds of the store's clock as the holders read it.

CREATE TABLE driver_leases (
    deployment_name VARCHAR(200) NOT NULL PRIMARY KEY,
    holder          VARCHAR(300) NOT NULL,
    acquired_at     BIGINT       NOT NULL,
    renewed_at      BIGINT       NOT NULL,
    expires_at      BIGINT       NOT NULL
);
