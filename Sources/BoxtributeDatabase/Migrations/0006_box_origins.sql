-- What each box was when it was created: the base of its first location, its first product
-- and number of items, and its creation day, as the box's history tells them (the oldest
-- change's old value, else the current value). The created-boxes statistics read them here
-- instead of looking through every box's history. `boxtribute seed` and `serve` fill the table
-- for the boxes created until shortly before; the statistics look up younger boxes in the
-- history as before. Not part of the reference's schema; harmless to the legacy app.
CREATE TABLE `box_origins` (
  `box_id` int unsigned NOT NULL,
  `camp_id` int unsigned DEFAULT NULL,
  `created_on` date DEFAULT NULL,
  `product_id` int unsigned DEFAULT NULL,
  `items` int DEFAULT NULL,
  PRIMARY KEY (`box_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- A base's origins in creation order, read without visiting the rows.
CREATE INDEX box_origins_base ON box_origins (camp_id, created_on, product_id, items);

-- The stock overview reads every live box of a base by location: with the columns it groups
-- by in the index, it reads the index alone instead of visiting each box's row.
CREATE INDEX stock_location_overview ON stock (location_id, deleted, box_state_id, product_id, size_id, display_unit_id, measure_value, items);
