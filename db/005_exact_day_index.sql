-- timeline store, schema version 5: the R*Tree of covered days (002) held Julian day numbers as
-- 32-bit floats, which at that size are a quarter of a day apart, so windows picked up mentions
-- from the day before. Days are now whole Modified Julian Day numbers in an integer R*Tree: exact.
DROP TRIGGER mention_days_ai;
DROP TRIGGER mention_days_ad;
DROP TABLE mention_days;

CREATE VIRTUAL TABLE mention_days USING rtree_i32(
    id,          -- mentions.id
    first_day,   -- julianday(earliest) - 2400000.5, the Modified Julian Day of the first day covered
    last_day     -- the same for the last day covered
);

INSERT INTO mention_days (id, first_day, last_day)
    SELECT id, CAST(julianday(substr(earliest, 1, 10)) - 2400000.5 AS INTEGER),
           CAST(julianday(substr(latest, 1, 10)) - 2400000.5 AS INTEGER)
    FROM mentions WHERE earliest IS NOT NULL AND latest IS NOT NULL;

CREATE TRIGGER mention_days_ai AFTER INSERT ON mentions
WHEN new.earliest IS NOT NULL AND new.latest IS NOT NULL BEGIN
    INSERT INTO mention_days (id, first_day, last_day)
    VALUES (new.id, CAST(julianday(substr(new.earliest, 1, 10)) - 2400000.5 AS INTEGER),
            CAST(julianday(substr(new.latest, 1, 10)) - 2400000.5 AS INTEGER));
END;

CREATE TRIGGER mention_days_ad AFTER DELETE ON mentions BEGIN
    DELETE FROM mention_days WHERE id = old.id;
END;
