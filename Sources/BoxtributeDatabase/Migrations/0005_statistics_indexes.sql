-- Indexes for the statistics (statviz) queries and the public numbers. Not part of the
-- reference's schema; harmless to the legacy app. `changes` is TEXT, which MySQL indexes
-- only with a prefix length (SQLite's translation drops it).

-- Box-version reconstruction of the moved boxes and the oldest-change look-ups of the created
-- boxes: one seek per (box, field) instead of reading all of the box's history.
CREATE INDEX history_record_changes ON history (tablename, record_id, changes(24), id);
-- Candidates of the created boxes: boxes that ever left a location of the base.
CREATE INDEX history_changes_from ON history (tablename, changes(24), from_int);
-- Public numbers: history rows of a table in a time span.
CREATE INDEX history_table_changedate ON history (tablename, changedate);
CREATE INDEX stock_created ON stock (created);
CREATE INDEX people_created ON people (created);
-- Time first: with `object_type` first, SQLite (without statistics) would prefer this index to
-- `tags_relations_object_id_tag_id_object_type` for the tags of one object, and read every
-- relation of the type.
CREATE INDEX tags_relations_created_type ON tags_relations (created_on, object_type);
