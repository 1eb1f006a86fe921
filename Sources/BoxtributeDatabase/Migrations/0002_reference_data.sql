-- Reference data the API relies on by id: box states, product genders, languages,
-- units of measure, the Mass/Volume size ranges and the product category tree.
-- Values as in Boxtribute's production seed (box states, genders, product
-- categories, size ranges, sizes and units, whose ids the API relies on).

INSERT INTO `box_state` (`id`, `label`) VALUES
  (5,'Donated'),
  (1,'Instock'),
  (7,'InTransit'),
  (2,'Lost'),
  (3,'MarkedForShipment'),
  (8,'NotDelivered'),
  (4,'Receiving'),
  (6,'Scrap');

INSERT INTO `genders` (`id`, `label`, `shortlabel`, `seq`, `created`, `created_by`, `modified`, `modified_by`, `male`, `female`, `adult`, `child`, `baby`, `color`) VALUES
  (1,'Female','Female',1,NULL,NULL,NULL,NULL,0,1,1,0,0,'0'),
  (2,'Male','Male',2,NULL,NULL,NULL,NULL,1,0,1,0,0,'0'),
  (3,'Unisex Adult','Unisex',3,NULL,NULL,NULL,NULL,1,1,1,0,0,'0'),
  (4,'Girl','Girl',4,NULL,NULL,NULL,NULL,0,1,0,1,0,'0'),
  (5,'Boy','Boy',5,NULL,NULL,NULL,NULL,1,0,0,1,0,'0'),
  (6,'Unisex Kid','Kid',7,NULL,NULL,NULL,NULL,1,1,0,1,0,'0'),
  (7,'Baby Girl','Girl',8,NULL,NULL,NULL,NULL,0,1,0,0,1,'1'),
  (8,'Baby Boy','Boy',8,NULL,NULL,NULL,NULL,1,0,0,0,1,'1'),
  (9,'Unisex Baby','Baby',8,NULL,NULL,NULL,NULL,1,1,0,0,1,'1'),
  (10,'-',NULL,0,NULL,NULL,NULL,NULL,1,1,1,1,1,'1'),
  (12,'Teen Girl','Girl',4,NULL,NULL,NULL,NULL,0,1,1,0,0,'0'),
  (13,'Teen Boy','Boy',5,NULL,NULL,NULL,NULL,1,0,1,0,0,'0');

INSERT INTO `languages` (`id`, `visible`, `code`, `locale`, `name`, `strftime_dateformat`, `smarty_dateformat`, `seq`, `rtl`) VALUES
  (1,0,'nl','nl_NL','Dutch','%A %e %B %Y','%A %e %B %Y',1,0),
  (2,1,'en','en_GB','English','%A %B %e %Y','%A %B %e %Y',2,0),
  (3,1,'fr','fr_FR','French','%A %B %e %Y','%A %B %e %Y',4,0),
  (4,0,'de','de_DE','German','%A %e. %B %Y','%A %e. %B %Y',3,0),
  (5,1,'ar','ar_AE','Arabic','%A %e. %B %Y','%A %e. %B %Y',5,1),
  (6,1,'ckb','ckb_TR','Sorani / Central Kurdish','%A %e. %B %Y','%A %e. %B %Y',6,1);

INSERT INTO `units` (`id`, `name`, `symbol`, `conversion_factor`, `dimension_id`) VALUES
  (1,'kilogram','kg',1.000000000000000000,28),
  (2,'liter','l',1.000000000000000000,29),
  (3,'milliliter','ml',1000.000000000000000000,29),
  (4,'gram','g',1000.000000000000000000,28),
  (5,'milligram','mg',1000000.000000000000000000,28),
  (6,'metric ton','t',0.001000000000000000,28),
  (7,'pound','lb',2.204600000000000000,28),
  (8,'ounce','oz',35.274000000000000000,28),
  (9,'gallon (US)','gal (US)',0.264200000000000000,29),
  (10,'pint (US)','pt (US)',2.113400000000000000,29),
  (11,'fluid ounce (US)','fl oz (US)',33.814000000000000000,29);

INSERT INTO `sizegroup` (`id`, `label`, `seq`) VALUES
  (28,'Mass',3),
  (29,'Volume',4);

INSERT INTO `product_categories` (`id`, `label`, `seq`, `parent_id`) VALUES
  (1,'Underwear / Nightwear',11,12),
  (2,'Bottoms',12,12),
  (3,'Tops',13,12),
  (4,'Accessories',14,12),
  (5,'Shoes',15,12),
  (6,'Jackets / Outerwear',16,12),
  (7,'Skirts/Dresses',17,12),
  (8,'Baby',18,12),
  (9,'Other',6,NULL),
  (10,'Hygiene',2,NULL),
  (11,'Food & Kitchen',3,NULL),
  (12,'Clothing',1,NULL),
  (13,'Equipment',4,NULL),
  (14,'Toys & Games',41,13),
  (15,'Medication',5,9),
  (18,'Books & Stationery',42,13),
  (19,'Water',43,NULL),
  (20,'Shelter',44,NULL);
