-- Values Steward generates once and must keep across restarts (e.g. the key that signs acknowledgement links when
-- the stack file names none). Written once; never rewritten.
CREATE TABLE setting (
    name   TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);
