-- The box list of a base walks `stock` by last modification and skips the boxes of other
-- bases and the deleted ones. With the location and the deletion mark in the index, those
-- skips need no visit to the table: only the boxes of the page are read from it. `id` comes
-- second so that the index keeps the list's order (modified, then id). Replaces
-- stock_modified, whose column leads this index. Not part of the reference's schema.

CREATE INDEX stock_modified_live ON stock (modified, id, location_id, deleted);
DROP INDEX stock_modified ON stock;
