-- Incoming inspection checklists per item category (DESIGN §4 receiving, issue 6 point 3): a check is pass/fail
-- (no limits) or a measured value with limits; category '*' applies to every category without its own list.
CREATE TABLE inspection_check (
    category varchar(60)    NOT NULL,
    seq      int            NOT NULL,
    name     varchar(100)   NOT NULL,
    min      numeric(24, 6),
    max      numeric(24, 6),
    unit     varchar(20),
    PRIMARY KEY (category, name)
);
INSERT INTO inspection_check (category, seq, name, min, max, unit) VALUES
    ('*', 1, 'Packaging undamaged', NULL, NULL, NULL),
    ('*', 2, 'Label matches the PO', NULL, NULL, NULL),
    ('FAS', 1, 'Packaging undamaged', NULL, NULL, NULL),
    ('FAS', 2, 'Thread go/no-go gauge', NULL, NULL, NULL),
    ('FAS', 3, 'Zinc coating thickness', 5, 25, 'um'),
    ('NUT', 1, 'Thread go/no-go gauge', NULL, NULL, NULL),
    ('NUT', 2, 'Hardness', 22, 32, 'HRC'),
    ('CAB', 1, 'Insulation resistance', 20, NULL, 'MOhm'),
    ('CAB', 2, 'Conductor diameter deviation', -2, 2, '%'),
    ('STL', 1, 'Mill certificate present', NULL, NULL, NULL),
    ('STL', 2, 'Thickness deviation', -0.3, 0.3, 'mm'),
    ('BRG', 1, 'Runs smoothly by hand', NULL, NULL, NULL),
    ('BRG', 2, 'Radial play', 0, 20, 'um'),
    ('PCB', 1, 'ESD packaging intact', NULL, NULL, NULL),
    ('PCB', 2, 'Visual solder inspection', NULL, NULL, NULL),
    ('SEN', 1, 'Calibration certificate present', NULL, NULL, NULL),
    ('SEN', 2, 'Zero-point offset', -0.5, 0.5, '%FS'),
    ('MOT', 1, 'Winding resistance deviation', -5, 5, '%'),
    ('VLV', 1, 'Leak test', NULL, NULL, NULL),
    ('SEA', 1, 'Shore hardness', 65, 75, 'ShA'),
    ('PLA', 1, 'Visual: no sink marks or flash', NULL, NULL, NULL);

ALTER TABLE receipt ADD COLUMN inspection_checks text; -- JSON of the recorded checks
