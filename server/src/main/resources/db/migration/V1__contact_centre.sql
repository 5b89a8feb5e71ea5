-- Dialtone's schema, version 1. Written to run unchanged on H2 and PostgreSQL: standard types only,
-- JSON kept as text, times as TIMESTAMP WITH TIME ZONE. docs/storage.md describes every table.

-- People who log in (GWS "users"). Passwords only as PBKDF2 hashes (PasswordHasher).
CREATE TABLE users (
    id                    VARCHAR(32)  NOT NULL PRIMARY KEY,   -- 32 hex digits, as GWS user ids
    user_name             VARCHAR(255) NOT NULL,
    first_name            VARCHAR(255) NOT NULL,
    last_name             VARCHAR(255) NOT NULL,
    email_address         VARCHAR(255) NOT NULL,
    password_hash         VARCHAR(255) NOT NULL,
    enabled               BOOLEAN      NOT NULL,
    change_password       BOOLEAN      NOT NULL,               -- changePasswordOnFirstLogin
    wrap_up_ms            BIGINT,                              -- after-call work after a routed call; null: none
    CONSTRAINT users_user_name UNIQUE (user_name)
);

CREATE TABLE user_roles (
    user_id VARCHAR(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, role)
);

-- The routing points (queues) whose calls the user's devices take.
CREATE TABLE user_routing_points (
    user_id VARCHAR(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    routing_point VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, routing_point)
);

-- Telephone devices (DNs) and the user each is assigned to, if any.
CREATE TABLE devices (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,            -- a UUID
    phone_number VARCHAR(32)  NOT NULL,
    user_id      VARCHAR(32)  REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT devices_phone_number UNIQUE (phone_number)
);
CREATE INDEX devices_user ON devices (user_id);

-- The GWS features assigned to the contact centre (api-voice, api-provisioning-read, ...).
CREATE TABLE features (
    id VARCHAR(64) NOT NULL PRIMARY KEY
);

-- Settings groups (general-settings, ...), one row per key.
CREATE TABLE settings (
    section VARCHAR(64)   NOT NULL,
    setting_name  VARCHAR(128)  NOT NULL,
    setting_value VARCHAR(4096) NOT NULL,
    PRIMARY KEY (section, setting_name)
);

-- One row per call, written when a party of it is released and again when it ends.
CREATE TABLE call_history (
    id              VARCHAR(64)     NOT NULL PRIMARY KEY,      -- the call resource's id
    conn_id         VARCHAR(32)     NOT NULL,
    call_uuid       VARCHAR(64)     NOT NULL,
    call_type       VARCHAR(16)     NOT NULL,
    parent_call_id  VARCHAR(64),                                -- for a consult call, the call it consulted about
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,                   -- null while the call goes on
    user_data       VARCHAR(1000000) NOT NULL,                  -- JSON object: the latest userData
    recording_state VARCHAR(16),                                -- the last recording state, if it was recorded
    states          VARCHAR(1000000) NOT NULL                   -- JSON array: every party state with its time
);
CREATE INDEX call_history_started ON call_history (started_at);

-- Each party a call ever had: DNs of this switch (with the user they belonged to then) and external numbers.
CREATE TABLE call_parties (
    call_id     VARCHAR(64)  NOT NULL REFERENCES call_history (id) ON DELETE CASCADE,
    seq         INTEGER      NOT NULL,
    phone_number VARCHAR(64) NOT NULL,
    user_id     VARCHAR(32),                                    -- null for external numbers and unassigned DNs
    user_name   VARCHAR(255),
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (call_id, seq)
);
CREATE INDEX call_parties_user ON call_parties (user_id, call_id);
CREATE INDEX call_parties_number ON call_parties (phone_number);

-- The UCS interaction of a call: its note and completion (SetCallNote, SetCallCompleted). A call may
-- get one before its history row exists, so there is no foreign key.
CREATE TABLE call_interactions (
    call_id              VARCHAR(64)      NOT NULL PRIMARY KEY,
    note                 VARCHAR(1000000),
    completed_at         TIMESTAMP WITH TIME ZONE,
    completed_by         VARCHAR(32),
    call_duration        BIGINT,
    completion_user_data VARCHAR(1000000),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
