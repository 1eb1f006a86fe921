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
  PRIMARY KEY (`box_id`),
  KEY `box_origins_base` (`camp_id`,`created_on`,`product_id`,`items`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
