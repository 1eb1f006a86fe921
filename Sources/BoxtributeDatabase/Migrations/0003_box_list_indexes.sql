-- Indexes for the box list of a base (`boxes(baseId:)`), which is ordered by last
-- modification: scanning `stock` in that order stops after a page instead of sorting every
-- box of the base, and counting the base's live boxes reads the index alone. Not part of
-- the reference's schema; harmless to the legacy app.

CREATE INDEX stock_modified ON stock (modified);
CREATE INDEX stock_location_deleted ON stock (location_id, deleted);
