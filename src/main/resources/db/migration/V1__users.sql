-- Local-mode users (DESIGN §7). Keycloak mode keeps users in Keycloak; this table stays empty there.
CREATE TABLE app_user (
    username      varchar(100) PRIMARY KEY,
    password_hash varchar(200) NOT NULL,
    site          varchar(20),
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE app_user_role (
    username varchar(100) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    role     varchar(40)  NOT NULL CHECK (role IN ('OPERATOR', 'QUALITY', 'INVENTORY_CONTROLLER', 'FINANCE',
                                                   'ENGINEER', 'PLANNER', 'ADMIN', 'AUDITOR', 'INTEGRATION')),
    PRIMARY KEY (username, role)
);
