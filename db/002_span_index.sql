-- timeline store, schema version 2: an R*Tree over the days each mention covers, so that
-- "what overlaps this window" (show --from/--to) is answered without scanning every mention.
-- Days are Julian day numbers; mentions that name no point on the calendar are not in it.

CREATE VIRTUAL TABLE mention_days USING rtree(
    id,          -- mentions.id
    first_day,   -- julianday(earliest)
    last_day     -- julianday(latest), end of that day
);

INSERT INTO mention_days (id, first_day, last_day)
    SELECT id, julianday(substr(earliest, 1, 10)), julianday(substr(latest, 1, 10)) + 0.99999
    FROM mentions WHERE earliest IS NOT NULL AND latest IS NOT NULL;

CREATE TRIGGER mention_days_ai AFTER INSERT ON mentions
WHEN new.earliest IS NOT NULL AND new.latest IS NOT NULL BEGIN
    INSERT INTO mention_days (id, first_day, last_day)
    VALUES (new.id, julianday(substr(new.earliest, 1, 10)), julianday(substr(new.latest, 1, 10)) + 0.99999);
END;

CREATE TRIGGER mention_days_ad AFTER DELETE ON mentions BEGIN
    DELETE FROM mention_days WHERE id = old.id;
END;
