-- Rule sets are data (DESIGN §2): versions DRAFT -> PUBLISHED -> RETIRED, and a log of every decision.
CREATE TABLE rule_set (
    key         varchar(60)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE rule_set_version (
    rule_set      varchar(60)  NOT NULL REFERENCES rule_set (key),
    version       integer      NOT NULL CHECK (version > 0),
    status        varchar(10)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    format        varchar(5)   NOT NULL CHECK (format IN ('TABLE', 'DRL')),
    table_json    jsonb,
    drl           text         NOT NULL,
    comment       text,
    author        varchar(100) NOT NULL,
    created_at    timestamptz  NOT NULL,
    published_by  varchar(100),
    published_at  timestamptz,
    retired_at    timestamptz,
    PRIMARY KEY (rule_set, version),
    CHECK (format <> 'TABLE' OR table_json IS NOT NULL)
);

-- Exactly one published version per rule set, whatever the application does.
CREATE UNIQUE INDEX rule_set_version_one_published ON rule_set_version (rule_set) WHERE status = 'PUBLISHED';

CREATE TABLE decision_log (
    id           uuid         PRIMARY KEY,
    rule_set     varchar(60)  NOT NULL,
    version      integer      NOT NULL,
    subject      varchar(200),
    facts        jsonb        NOT NULL,
    decision     jsonb        NOT NULL,
    outcome      varchar(200) NOT NULL,
    fired_rules  jsonb        NOT NULL,
    decided_at   timestamptz  NOT NULL
);

CREATE INDEX decision_log_recent ON decision_log (rule_set, decided_at DESC);
CREATE INDEX decision_log_subject ON decision_log (subject);
