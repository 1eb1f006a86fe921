-- Legacy Boxtribute "dropapp" schema (MySQL 8): the DROP TABLE / CREATE TABLE statements
-- of back/init.sql (github boxwise/boxtribute, commit f2a90ed, Apache-2.0), in dump
-- order, without data, LOCK/SET statements or conditional comments. The dump's
-- AUTO_INCREMENT=N table options are removed so a fresh database starts at id 1.
-- SQLite databases get it through MySQLDumpReader + MySQLToSQLite (Import/).

DROP TABLE IF EXISTS `borrow_categories`;
CREATE TABLE `borrow_categories` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `borrow_items`;
CREATE TABLE `borrow_items` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) DEFAULT NULL,
  `deleted` tinyint NOT NULL DEFAULT '0',
  `category_id` int unsigned DEFAULT NULL,
  `visible` tinyint NOT NULL DEFAULT '0',
  `comment` text NOT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `location_id` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `category_id` (`category_id`),
  KEY `location_id` (`location_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `borrow_items_ibfk_3` FOREIGN KEY (`category_id`) REFERENCES `borrow_categories` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `borrow_items_ibfk_4` FOREIGN KEY (`location_id`) REFERENCES `borrow_locations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `borrow_items_ibfk_5` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `borrow_items_ibfk_6` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `borrow_locations`;
CREATE TABLE `borrow_locations` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `camp_id` int unsigned NOT NULL,
  `location` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `camp_id` (`camp_id`),
  CONSTRAINT `borrow_locations_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `borrow_transactions`;
CREATE TABLE `borrow_transactions` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `transaction_date` datetime DEFAULT NULL,
  `bicycle_id` int unsigned NOT NULL,
  `people_id` int unsigned DEFAULT NULL,
  `status` varchar(5) DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `lights` tinyint NOT NULL DEFAULT '0',
  `helmet` tinyint NOT NULL DEFAULT '0',
  `location_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `location_id` (`location_id`),
  KEY `bicycle_id` (`bicycle_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `people_id` (`people_id`),
  CONSTRAINT `borrow_transactions_ibfk_3` FOREIGN KEY (`location_id`) REFERENCES `borrow_locations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `borrow_transactions_ibfk_4` FOREIGN KEY (`bicycle_id`) REFERENCES `borrow_items` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `borrow_transactions_ibfk_6` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `borrow_transactions_ibfk_7` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `borrow_transactions_ibfk_8` FOREIGN KEY (`people_id`) REFERENCES `people` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `box_state`;
CREATE TABLE `box_state` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `label` (`label`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

DROP TABLE IF EXISTS `camps`;
CREATE TABLE `camps` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `idcard` tinyint NOT NULL DEFAULT '0',
  `laundry` tinyint NOT NULL DEFAULT '0',
  `laundry_cyclestart` date DEFAULT '2019-01-01',
  `market` tinyint NOT NULL DEFAULT '1',
  `maxfooddrops_adult` int DEFAULT '25',
  `maxfooddrops_child` int DEFAULT '25',
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `name` varchar(255) DEFAULT NULL,
  `organisation_id` int unsigned NOT NULL,
  `schedulebreak` varchar(255) NOT NULL DEFAULT '1',
  `schedulebreakduration` varchar(255) NOT NULL DEFAULT '1',
  `schedulebreakstart` varchar(255) NOT NULL DEFAULT '13:00',
  `schedulestart` varchar(255) NOT NULL DEFAULT '11:00',
  `schedulestop` varchar(255) NOT NULL DEFAULT '17:00',
  `scheduletimeslot` varchar(255) NOT NULL DEFAULT '0.5',
  `seq` int NOT NULL,
  `workshop` tinyint NOT NULL DEFAULT '0',
  `adult_age` int NOT NULL DEFAULT '15',
  `bicycle` tinyint NOT NULL DEFAULT '0',
  `bicycle_closingtime` varchar(255) DEFAULT '17:30',
  `bicycle_closingtime_saturday` varchar(255) DEFAULT '16:30',
  `bicyclerenttime` int NOT NULL DEFAULT '120',
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `currencyname` varchar(255) NOT NULL DEFAULT 'Tokens',
  `monetary_currency_code` varchar(15) NOT NULL DEFAULT 'EUR',
  `cyclestart` datetime DEFAULT '2019-01-01 00:00:00',
  `daystokeepdeletedpersons` int DEFAULT '9999',
  `delete_inactive_users` int NOT NULL DEFAULT '30',
  `deleted` datetime DEFAULT NULL,
  `dropcapadult` int NOT NULL DEFAULT '99999',
  `dropcapchild` int NOT NULL DEFAULT '99999',
  `dropsperadult` varchar(255) NOT NULL DEFAULT '100',
  `dropsperchild` varchar(255) NOT NULL DEFAULT '100',
  `extraportion` tinyint DEFAULT '0',
  `familyidentifier` varchar(255) NOT NULL DEFAULT 'Container',
  `food` tinyint NOT NULL DEFAULT '0',
  `resettokens` tinyint(1) DEFAULT '0',
  `beneficiaryisregistered` tinyint(1) NOT NULL DEFAULT '1',
  `beneficiaryisvolunteer` tinyint(1) NOT NULL DEFAULT '1',
  `separateshopandwhproducts` tinyint(1) NOT NULL DEFAULT '0',
  `email_enabled` tinyint(1) NOT NULL DEFAULT '0',
  `phone_enabled` tinyint(1) NOT NULL DEFAULT '0',
  `additional_field1_enabled` tinyint(1) NOT NULL DEFAULT '0',
  `additional_field2_enabled` tinyint(1) NOT NULL DEFAULT '0',
  `additional_field3_enabled` tinyint(1) NOT NULL DEFAULT '0',
  `additional_field4_enabled` tinyint(1) NOT NULL DEFAULT '0',
  `additional_field1_label` varchar(255) DEFAULT NULL,
  `additional_field2_label` varchar(255) DEFAULT NULL,
  `additional_field3_label` varchar(255) DEFAULT NULL,
  `additional_field4_label` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `organisation_id` (`organisation_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `camps_ibfk_1` FOREIGN KEY (`organisation_id`) REFERENCES `organisations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `camps_ibfk_2` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `camps_ibfk_3` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_functions`;
CREATE TABLE `cms_functions` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int unsigned DEFAULT NULL,
  `title_en` varchar(255) NOT NULL DEFAULT '',
  `include` varchar(255) NOT NULL DEFAULT '',
  `seq` int NOT NULL DEFAULT '0',
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `alert` int NOT NULL DEFAULT '0',
  `adminonly` tinyint NOT NULL DEFAULT '0',
  `visible` tinyint NOT NULL,
  `allusers` tinyint NOT NULL DEFAULT '0',
  `allcamps` tinyint NOT NULL DEFAULT '0',
  `action_permissions` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `parent_id` (`parent_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `cms_functions_ibfk_3` FOREIGN KEY (`parent_id`) REFERENCES `cms_functions` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `cms_functions_ibfk_4` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `cms_functions_ibfk_5` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_functions_camps`;
CREATE TABLE `cms_functions_camps` (
  `cms_functions_id` int unsigned NOT NULL,
  `camps_id` int unsigned NOT NULL,
  UNIQUE KEY `functions_camps_unique` (`cms_functions_id`,`camps_id`),
  KEY `cms_functions_id` (`cms_functions_id`),
  KEY `camps_id` (`camps_id`),
  CONSTRAINT `cms_functions_camps_ibfk_2` FOREIGN KEY (`camps_id`) REFERENCES `camps` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `cms_functions_camps_ibfk_3` FOREIGN KEY (`cms_functions_id`) REFERENCES `cms_functions` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_settings`;
CREATE TABLE `cms_settings` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `category_id` int unsigned NOT NULL,
  `type` varchar(20) DEFAULT NULL,
  `code` varchar(255) NOT NULL,
  `description` varchar(255) DEFAULT NULL,
  `options` varchar(255) DEFAULT NULL,
  `value` text,
  `hidden` tinyint NOT NULL DEFAULT '0',
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `code` (`code`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `cms_settings_ibfk_1` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `cms_settings_ibfk_2` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_usergroups`;
CREATE TABLE `cms_usergroups` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) NOT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `organisation_id` int unsigned NOT NULL,
  `userlevel` int unsigned NOT NULL,
  `allow_laundry_startcycle` tinyint NOT NULL DEFAULT '0',
  `allow_laundry_block` tinyint NOT NULL DEFAULT '0',
  `allow_borrow_adddelete` tinyint NOT NULL,
  `deleted` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `organisation_id` (`organisation_id`),
  KEY `userlevel` (`userlevel`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `cms_usergroups_ibfk_1` FOREIGN KEY (`organisation_id`) REFERENCES `organisations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `cms_usergroups_ibfk_2` FOREIGN KEY (`userlevel`) REFERENCES `cms_usergroups_levels` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `cms_usergroups_ibfk_3` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `cms_usergroups_ibfk_4` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_usergroups_camps`;
CREATE TABLE `cms_usergroups_camps` (
  `camp_id` int unsigned NOT NULL,
  `cms_usergroups_id` int unsigned NOT NULL,
  UNIQUE KEY `usergroups_camps_unique` (`camp_id`,`cms_usergroups_id`),
  KEY `cms_usergroups_id` (`cms_usergroups_id`),
  KEY `camp_id` (`camp_id`),
  CONSTRAINT `cms_usergroups_camps_ibfk_1` FOREIGN KEY (`cms_usergroups_id`) REFERENCES `cms_usergroups` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `cms_usergroups_camps_ibfk_2` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_usergroups_functions`;
CREATE TABLE `cms_usergroups_functions` (
  `cms_functions_id` int unsigned NOT NULL,
  `cms_usergroups_id` int unsigned NOT NULL,
  UNIQUE KEY `usergroups_functions_unique` (`cms_functions_id`,`cms_usergroups_id`),
  KEY `cms_usergroups_id` (`cms_usergroups_id`),
  KEY `cms_functions_id` (`cms_functions_id`),
  CONSTRAINT `cms_usergroups_functions_ibfk_1` FOREIGN KEY (`cms_usergroups_id`) REFERENCES `cms_usergroups` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `cms_usergroups_functions_ibfk_2` FOREIGN KEY (`cms_functions_id`) REFERENCES `cms_functions` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_usergroups_levels`;
CREATE TABLE `cms_usergroups_levels` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `level` int DEFAULT NULL,
  `label` varchar(255) NOT NULL,
  `shortlabel` varchar(20) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `cms_usergroups_roles`;
CREATE TABLE `cms_usergroups_roles` (
  `cms_usergroups_id` int unsigned NOT NULL,
  `auth0_role_id` varchar(255) NOT NULL,
  `auth0_role_name` varchar(255) NOT NULL,
  UNIQUE KEY `cms_usergroups_id_2` (`cms_usergroups_id`,`auth0_role_id`),
  KEY `cms_usergroups_id` (`cms_usergroups_id`),
  CONSTRAINT `cms_usergroups_roles_ibfk_1` FOREIGN KEY (`cms_usergroups_id`) REFERENCES `cms_usergroups` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

DROP TABLE IF EXISTS `cms_users`;
CREATE TABLE `cms_users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `pass` varchar(40) CHARACTER SET utf8 COLLATE utf8_general_ci NOT NULL DEFAULT '',
  `naam` varchar(100) CHARACTER SET utf8 COLLATE utf8_general_ci NOT NULL DEFAULT '',
  `email` varchar(255) CHARACTER SET utf8 COLLATE utf8_general_ci DEFAULT NULL,
  `is_admin` tinyint NOT NULL DEFAULT '0',
  `lastlogin` datetime NOT NULL,
  `lastaction` datetime NOT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `resetpassword` varchar(255) CHARACTER SET utf8 COLLATE utf8_bin DEFAULT NULL,
  `language` int unsigned DEFAULT NULL,
  `deleted` datetime NOT NULL,
  `cms_usergroups_id` int unsigned DEFAULT NULL,
  `valid_firstday` date DEFAULT NULL,
  `valid_lastday` date DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`),
  KEY `cms_usergroups_id` (`cms_usergroups_id`),
  KEY `language` (`language`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `cms_users_ibfk_2` FOREIGN KEY (`cms_usergroups_id`) REFERENCES `cms_usergroups` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `cms_users_ibfk_3` FOREIGN KEY (`language`) REFERENCES `languages` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `cms_users_ibfk_4` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `cms_users_ibfk_5` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_bin ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `distro_events`;
CREATE TABLE `distro_events` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) DEFAULT NULL,
  `planned_start_date_time` datetime NOT NULL,
  `planned_end_date_time` datetime NOT NULL,
  `location_id` int unsigned NOT NULL,
  `distro_event_tracking_group_id` int unsigned DEFAULT NULL,
  `state` varchar(255) NOT NULL DEFAULT 'Planning',
  `created_on` datetime NOT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `deleted_on` datetime DEFAULT NULL,
  `modified_on` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `distro_events_planned_start_date_time` (`planned_start_date_time`),
  KEY `distro_events_planned_end_date_time` (`planned_end_date_time`),
  KEY `distro_events_state` (`state`),
  KEY `distro_events_modified_on` (`modified_on`),
  KEY `distro_events_created_on` (`created_on`),
  KEY `distro_events_deleted_on` (`deleted_on`),
  KEY `location_id` (`location_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `distro_event_tracking_group_id` (`distro_event_tracking_group_id`),
  CONSTRAINT `distro_events_ibfk_1` FOREIGN KEY (`location_id`) REFERENCES `locations` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_ibfk_2` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `distro_events_ibfk_3` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `distro_events_ibfk_4` FOREIGN KEY (`distro_event_tracking_group_id`) REFERENCES `distro_events_tracking_groups` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `distro_events_packing_list_entries`;
CREATE TABLE `distro_events_packing_list_entries` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int unsigned NOT NULL,
  `number_of_items` int NOT NULL,
  `size_id` int unsigned NOT NULL,
  `distro_event_id` int unsigned NOT NULL,
  `state` varchar(255) NOT NULL,
  `created_on` datetime NOT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified_on` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `distro_events_packing_list_entries_state` (`state`),
  KEY `distro_events_packing_list_entries_created_on` (`created_on`),
  KEY `distro_events_packing_list_entries_modified_on` (`modified_on`),
  KEY `distro_event_id` (`distro_event_id`),
  KEY `product_id` (`product_id`),
  KEY `size_id` (`size_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `distro_events_packing_list_entries_ibfk_1` FOREIGN KEY (`distro_event_id`) REFERENCES `distro_events` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_packing_list_entries_ibfk_2` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_packing_list_entries_ibfk_3` FOREIGN KEY (`size_id`) REFERENCES `sizes` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_packing_list_entries_ibfk_4` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `distro_events_packing_list_entries_ibfk_5` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `distro_events_tracking_groups`;
CREATE TABLE `distro_events_tracking_groups` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `group_name` varchar(255) DEFAULT NULL,
  `base_id` int unsigned NOT NULL,
  `state` varchar(255) NOT NULL DEFAULT 'In Progress',
  `created_on` datetime NOT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified_on` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `distro_events_tracking_groups_state` (`state`),
  KEY `distro_events_tracking_groups_created_on` (`created_on`),
  KEY `distro_events_tracking_groups_modified_on` (`modified_on`),
  KEY `base_id` (`base_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `distro_events_tracking_groups_ibfk_1` FOREIGN KEY (`base_id`) REFERENCES `camps` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_tracking_groups_ibfk_2` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `distro_events_tracking_groups_ibfk_3` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `distro_events_tracking_logs`;
CREATE TABLE `distro_events_tracking_logs` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int unsigned NOT NULL,
  `number_of_items` int NOT NULL,
  `size_id` int unsigned NOT NULL,
  `location_id` int unsigned DEFAULT NULL,
  `flow_direction` varchar(255) DEFAULT NULL,
  `distro_event_tracking_group_id` int unsigned DEFAULT NULL,
  `date` datetime NOT NULL,
  `details` text,
  PRIMARY KEY (`id`),
  KEY `distro_events_tracking_logs_date` (`date`),
  KEY `product_id` (`product_id`),
  KEY `size_id` (`size_id`),
  KEY `distro_events_tracking_logs_flow_direction` (`flow_direction`),
  KEY `location_id` (`location_id`),
  KEY `distro_event_tracking_group_id` (`distro_event_tracking_group_id`),
  CONSTRAINT `distro_events_tracking_logs_ibfk_2` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_tracking_logs_ibfk_3` FOREIGN KEY (`size_id`) REFERENCES `sizes` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_tracking_logs_ibfk_4` FOREIGN KEY (`location_id`) REFERENCES `locations` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_tracking_logs_ibfk_5` FOREIGN KEY (`distro_event_tracking_group_id`) REFERENCES `distro_events_tracking_groups` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `distro_events_unboxed_item_collections`;
CREATE TABLE `distro_events_unboxed_item_collections` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int unsigned NOT NULL,
  `number_of_items` int NOT NULL,
  `size_id` int unsigned NOT NULL,
  `distro_event_id` int unsigned NOT NULL,
  `location_id` int unsigned NOT NULL,
  `box_state_id` int unsigned NOT NULL DEFAULT '1',
  `comments` varchar(255) DEFAULT NULL,
  `created_on` datetime NOT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified_on` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `distro_events_unboxed_item_collections_created_on` (`created_on`),
  KEY `distro_events_unboxed_item_collections_modified_on` (`modified_on`),
  KEY `distro_event_id` (`distro_event_id`),
  KEY `product_id` (`product_id`),
  KEY `box_state_id` (`box_state_id`),
  KEY `size_id` (`size_id`),
  KEY `location_id` (`location_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `distro_events_unboxed_item_collections_ibfk_1` FOREIGN KEY (`distro_event_id`) REFERENCES `distro_events` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_unboxed_item_collections_ibfk_2` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_unboxed_item_collections_ibfk_3` FOREIGN KEY (`box_state_id`) REFERENCES `box_state` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_unboxed_item_collections_ibfk_4` FOREIGN KEY (`size_id`) REFERENCES `sizes` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_unboxed_item_collections_ibfk_5` FOREIGN KEY (`location_id`) REFERENCES `locations` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `distro_events_unboxed_item_collections_ibfk_6` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `distro_events_unboxed_item_collections_ibfk_7` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `genders`;
CREATE TABLE `genders` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(20) NOT NULL,
  `shortlabel` varchar(255) DEFAULT NULL,
  `seq` int DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `male` tinyint(1) NOT NULL DEFAULT '0',
  `female` tinyint(1) NOT NULL DEFAULT '0',
  `adult` tinyint(1) NOT NULL DEFAULT '0',
  `child` tinyint(1) NOT NULL DEFAULT '0',
  `baby` tinyint(1) NOT NULL DEFAULT '0',
  `color` varchar(20) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `genders_ibfk_1` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `genders_ibfk_2` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `history`;
CREATE TABLE `history` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `tablename` varchar(255) DEFAULT NULL,
  `record_id` int DEFAULT NULL,
  `changes` text,
  `user_id` int unsigned DEFAULT NULL,
  `ip` varchar(20) DEFAULT NULL,
  `changedate` datetime DEFAULT NULL,
  `from_int` int DEFAULT NULL,
  `to_int` int DEFAULT NULL,
  `from_float` float DEFAULT NULL,
  `to_float` float DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `user_id` (`user_id`),
  KEY `recordid_changedate_composite_index` (`record_id`,`changedate`),
  KEY `tablename_recordid_changedate_composite_index` (`tablename`,`record_id`,`changedate`),
  CONSTRAINT `history_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `itemsout`;
CREATE TABLE `itemsout` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int unsigned DEFAULT NULL,
  `size_id` int unsigned DEFAULT NULL,
  `count` int DEFAULT NULL,
  `movedate` datetime DEFAULT NULL,
  `from_location` int unsigned DEFAULT NULL,
  `to_location` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `from_location` (`from_location`),
  KEY `to_location` (`to_location`),
  KEY `product_id` (`product_id`),
  KEY `size_id` (`size_id`),
  CONSTRAINT `itemsout_ibfk_5` FOREIGN KEY (`from_location`) REFERENCES `locations` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `itemsout_ibfk_6` FOREIGN KEY (`to_location`) REFERENCES `locations` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `itemsout_ibfk_7` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `itemsout_ibfk_8` FOREIGN KEY (`size_id`) REFERENCES `sizes` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `languages`;
CREATE TABLE `languages` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `visible` tinyint NOT NULL DEFAULT '1',
  `code` varchar(255) DEFAULT NULL,
  `locale` varchar(255) DEFAULT NULL,
  `name` varchar(255) DEFAULT NULL,
  `strftime_dateformat` varchar(255) DEFAULT NULL,
  `smarty_dateformat` varchar(255) DEFAULT NULL,
  `seq` int DEFAULT NULL,
  `rtl` tinyint NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `laundry_appointments`;
CREATE TABLE `laundry_appointments` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `cyclestart` date DEFAULT NULL,
  `timeslot` int unsigned NOT NULL,
  `people_id` int unsigned DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `noshow` tinyint NOT NULL DEFAULT '0',
  `dropoff` tinyint NOT NULL DEFAULT '0',
  `collected` tinyint NOT NULL DEFAULT '0',
  `comment` text NOT NULL,
  PRIMARY KEY (`id`),
  KEY `timeslot` (`timeslot`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `people_id` (`people_id`),
  CONSTRAINT `laundry_appointments_ibfk_3` FOREIGN KEY (`timeslot`) REFERENCES `laundry_slots` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `laundry_appointments_ibfk_5` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `laundry_appointments_ibfk_6` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `laundry_appointments_ibfk_7` FOREIGN KEY (`people_id`) REFERENCES `people` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `laundry_machines`;
CREATE TABLE `laundry_machines` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) DEFAULT NULL,
  `station` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `station` (`station`),
  CONSTRAINT `laundry_machines_ibfk_1` FOREIGN KEY (`station`) REFERENCES `laundry_stations` (`id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `laundry_slots`;
CREATE TABLE `laundry_slots` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `day` tinyint DEFAULT NULL,
  `time` int unsigned NOT NULL,
  `machine` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `machine` (`machine`),
  KEY `time` (`time`),
  CONSTRAINT `laundry_slots_ibfk_1` FOREIGN KEY (`machine`) REFERENCES `laundry_machines` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `laundry_slots_ibfk_2` FOREIGN KEY (`time`) REFERENCES `laundry_times` (`id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `laundry_stations`;
CREATE TABLE `laundry_stations` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(50) DEFAULT NULL,
  `access` varchar(255) NOT NULL DEFAULT 'TRUE',
  `camp_id` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `camp_id` (`camp_id`),
  CONSTRAINT `laundry_stations_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `laundry_times`;
CREATE TABLE `laundry_times` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(20) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `library`;
CREATE TABLE `library` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(255) DEFAULT NULL,
  `booktitle_en` varchar(255) DEFAULT NULL,
  `booktitle_ar` varchar(255) DEFAULT NULL,
  `author` varchar(255) DEFAULT NULL,
  `type_id` int unsigned DEFAULT NULL,
  `deleted` tinyint NOT NULL DEFAULT '0',
  `visible` tinyint NOT NULL DEFAULT '0',
  `comment` text NOT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `camp_id` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `camp_id` (`camp_id`),
  KEY `type_id` (`type_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `library_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `library_ibfk_4` FOREIGN KEY (`type_id`) REFERENCES `library_type` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `library_ibfk_5` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `library_ibfk_6` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `library_transactions`;
CREATE TABLE `library_transactions` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `transaction_date` datetime DEFAULT NULL,
  `book_id` int DEFAULT NULL,
  `people_id` int unsigned DEFAULT NULL,
  `status` varchar(5) DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `comment` text NOT NULL,
  PRIMARY KEY (`id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `people_id` (`people_id`),
  CONSTRAINT `library_transactions_ibfk_4` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `library_transactions_ibfk_5` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `library_transactions_ibfk_6` FOREIGN KEY (`people_id`) REFERENCES `people` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `library_type`;
CREATE TABLE `library_type` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) DEFAULT NULL,
  `camp_id` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `camp_id` (`camp_id`),
  CONSTRAINT `library_type_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `locations`;
CREATE TABLE `locations` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(20) NOT NULL,
  `camp_id` int unsigned NOT NULL,
  `seq` int DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `visible` tinyint NOT NULL DEFAULT '1',
  `container_stock` tinyint NOT NULL DEFAULT '0',
  `is_market` tinyint NOT NULL DEFAULT '0',
  `is_donated` tinyint NOT NULL DEFAULT '0',
  `is_lost` tinyint NOT NULL DEFAULT '0',
  `type` varchar(20) NOT NULL DEFAULT 'Warehouse',
  `latitude` double DEFAULT NULL,
  `longitude` double DEFAULT NULL,
  `description` varchar(255) DEFAULT NULL,
  `deleted` datetime DEFAULT NULL,
  `is_scrap` tinyint(1) NOT NULL DEFAULT '0',
  `box_state_id` int unsigned NOT NULL DEFAULT '1',
  PRIMARY KEY (`id`),
  KEY `camp_id` (`camp_id`),
  KEY `box_state_id` (`box_state_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `locations_type_index` (`type`),
  KEY `locations_latitude_index` (`latitude`),
  KEY `locations_longitude_index` (`longitude`),
  CONSTRAINT `locations_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `locations_ibfk_4` FOREIGN KEY (`box_state_id`) REFERENCES `box_state` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `locations_ibfk_5` FOREIGN KEY (`box_state_id`) REFERENCES `box_state` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `locations_ibfk_6` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `locations_ibfk_7` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `log`;
CREATE TABLE `log` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `logdate` datetime DEFAULT NULL,
  `content` text,
  `ip` varchar(255) DEFAULT NULL,
  `user` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `numbers`;
CREATE TABLE `numbers` (
  `value` int NOT NULL AUTO_INCREMENT,
  `label` varchar(20) NOT NULL,
  PRIMARY KEY (`value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `organisations`;
CREATE TABLE `organisations` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) NOT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `deleted` datetime DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `organisations_ibfk_1` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `organisations_ibfk_2` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `people`;
CREATE TABLE `people` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int unsigned DEFAULT NULL,
  `seq` int NOT NULL,
  `firstname` varchar(255) NOT NULL DEFAULT '',
  `lastname` varchar(255) NOT NULL DEFAULT '',
  `date_of_birth` date DEFAULT NULL,
  `gender` varchar(255) NOT NULL DEFAULT '',
  `family_id` int NOT NULL,
  `visible` int NOT NULL DEFAULT '1',
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `url` int DEFAULT NULL,
  `container` varchar(255) NOT NULL DEFAULT '',
  `tent` varchar(255) NOT NULL DEFAULT '',
  `email` varchar(255) NOT NULL DEFAULT '',
  `pass` varchar(255) NOT NULL DEFAULT '',
  `language` int NOT NULL DEFAULT '5',
  `resetpassword` varchar(255) DEFAULT NULL,
  `comments` text,
  `workshoptraining` int NOT NULL DEFAULT '0',
  `workshopsupervisor` int NOT NULL DEFAULT '0',
  `phone` varchar(255) DEFAULT NULL,
  `bicycletraining` int NOT NULL DEFAULT '0',
  `camp_id` int unsigned NOT NULL,
  `deleted` datetime NOT NULL,
  `extraportion` int NOT NULL DEFAULT '0',
  `notregistered` tinyint NOT NULL DEFAULT '0',
  `workshopban` date DEFAULT NULL,
  `bicycleban` date DEFAULT NULL,
  `bicyclebancomment` text NOT NULL,
  `workshopbancomment` text NOT NULL,
  `volunteer` tinyint NOT NULL DEFAULT '0',
  `laundryblock` tinyint NOT NULL DEFAULT '0',
  `laundrycomment` varchar(255) DEFAULT NULL,
  `approvalsigned` tinyint NOT NULL DEFAULT '0',
  `signaturefield` text,
  `date_of_signature` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `customfield1_value` varchar(255) DEFAULT NULL,
  `customfield2_value` varchar(255) DEFAULT NULL,
  `customfield3_value` varchar(255) DEFAULT NULL,
  `customfield4_value` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `parent_id` (`parent_id`),
  KEY `container` (`container`),
  KEY `camp_id` (`camp_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `people_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `people_ibfk_5` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `people_ibfk_6` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `people_ibfk_7` FOREIGN KEY (`parent_id`) REFERENCES `people` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `phinxlog`;
CREATE TABLE `phinxlog` (
  `version` bigint NOT NULL,
  `migration_name` varchar(100) DEFAULT NULL,
  `start_time` timestamp NULL DEFAULT NULL,
  `end_time` timestamp NULL DEFAULT NULL,
  `breakpoint` tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

DROP TABLE IF EXISTS `product_categories`;
CREATE TABLE `product_categories` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) NOT NULL,
  `seq` int NOT NULL DEFAULT '0',
  `parent_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `parent_id` (`parent_id`),
  CONSTRAINT `product_categories_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `product_categories` (`id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `products`;
CREATE TABLE `products` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `category_id` int unsigned NOT NULL,
  `gender_id` int unsigned NOT NULL,
  `sizegroup_id` int unsigned NOT NULL,
  `camp_id` int unsigned NOT NULL,
  `value` int NOT NULL DEFAULT '0',
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `maxperadult` int DEFAULT NULL,
  `maxperchild` int DEFAULT NULL,
  `stockincontainer` tinyint NOT NULL DEFAULT '0',
  `comments` varchar(255) DEFAULT NULL,
  `deleted` datetime DEFAULT NULL,
  `standard_product_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `category_id` (`category_id`),
  KEY `sizegroup_id` (`sizegroup_id`),
  KEY `camp_id` (`camp_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `gender_id` (`gender_id`),
  KEY `products_ibfk_14` (`standard_product_id`),
  CONSTRAINT `products_ibfk_10` FOREIGN KEY (`gender_id`) REFERENCES `genders` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `products_ibfk_11` FOREIGN KEY (`category_id`) REFERENCES `product_categories` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `products_ibfk_12` FOREIGN KEY (`sizegroup_id`) REFERENCES `sizegroup` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `products_ibfk_13` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `products_ibfk_14` FOREIGN KEY (`standard_product_id`) REFERENCES `standard_product` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `products_ibfk_8` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `products_ibfk_9` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `qr`;
CREATE TABLE `qr` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(255) DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `legacy` int NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`),
  UNIQUE KEY `code_legacy_unique` (`code`,`legacy`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `services`;
CREATE TABLE `services` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) NOT NULL,
  `description` text NOT NULL,
  `camp_id` int unsigned NOT NULL,
  `deleted` datetime DEFAULT NULL,
  `deleted_by` int unsigned DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `seq` int DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `camp_id` (`camp_id`),
  KEY `deleted_by` (`deleted_by`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `services_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `services_ibfk_2` FOREIGN KEY (`deleted_by`) REFERENCES `cms_users` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `services_ibfk_3` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `services_ibfk_4` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

DROP TABLE IF EXISTS `services_relations`;
CREATE TABLE `services_relations` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `people_id` int unsigned NOT NULL,
  `service_id` int unsigned NOT NULL,
  `created` datetime NOT NULL,
  `created_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `people_id` (`people_id`),
  KEY `service_id` (`service_id`),
  KEY `created_by` (`created_by`),
  CONSTRAINT `services_relations_ibfk_1` FOREIGN KEY (`people_id`) REFERENCES `people` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `services_relations_ibfk_2` FOREIGN KEY (`service_id`) REFERENCES `services` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `services_relations_ibfk_3` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `shareable_link`;
CREATE TABLE `shareable_link` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(255) NOT NULL,
  `valid_until` datetime DEFAULT NULL,
  `view` varchar(255) NOT NULL,
  `base_id` int unsigned DEFAULT NULL,
  `url_parameters` varchar(2000) DEFAULT NULL,
  `created_on` datetime NOT NULL,
  `created_by_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `shareable_link_code` (`code`),
  KEY `created_by_id` (`created_by_id`),
  KEY `base_id` (`base_id`),
  CONSTRAINT `shareable_link_ibfk_1` FOREIGN KEY (`created_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `shareable_link_ibfk_2` FOREIGN KEY (`base_id`) REFERENCES `camps` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `shipment`;
CREATE TABLE `shipment` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `source_base_id` int unsigned NOT NULL,
  `target_base_id` int unsigned NOT NULL,
  `transfer_agreement_id` int unsigned DEFAULT NULL,
  `state` varchar(255) NOT NULL DEFAULT 'Preparing',
  `started_on` datetime NOT NULL,
  `started_by_id` int unsigned NOT NULL,
  `canceled_on` datetime DEFAULT NULL,
  `canceled_by_id` int unsigned DEFAULT NULL,
  `sent_on` datetime DEFAULT NULL,
  `sent_by_id` int unsigned DEFAULT NULL,
  `receiving_started_on` datetime DEFAULT NULL,
  `receiving_started_by_id` int unsigned DEFAULT NULL,
  `completed_on` datetime DEFAULT NULL,
  `completed_by_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `shipment_source_base_id` (`source_base_id`),
  KEY `shipment_target_base_id` (`target_base_id`),
  KEY `shipment_transfer_agreement_id` (`transfer_agreement_id`),
  KEY `shipment_started_by_id` (`started_by_id`),
  KEY `shipment_canceled_by_id` (`canceled_by_id`),
  KEY `shipment_sent_by_id` (`sent_by_id`),
  KEY `shipment_completed_by_id` (`completed_by_id`),
  KEY `shipment_receiving_started_by_id` (`receiving_started_by_id`),
  CONSTRAINT `shipment_ibfk_1` FOREIGN KEY (`source_base_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_ibfk_2` FOREIGN KEY (`target_base_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_ibfk_3` FOREIGN KEY (`transfer_agreement_id`) REFERENCES `transfer_agreement` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_ibfk_4` FOREIGN KEY (`started_by_id`) REFERENCES `cms_users` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_ibfk_5` FOREIGN KEY (`canceled_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `shipment_ibfk_6` FOREIGN KEY (`sent_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `shipment_ibfk_7` FOREIGN KEY (`completed_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `shipment_ibfk_8` FOREIGN KEY (`receiving_started_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `shipment_detail`;
CREATE TABLE `shipment_detail` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `shipment_id` int unsigned NOT NULL,
  `box_id` int unsigned NOT NULL,
  `source_product_id` int unsigned NOT NULL,
  `target_product_id` int unsigned DEFAULT NULL,
  `source_quantity` int DEFAULT NULL,
  `target_quantity` int DEFAULT NULL,
  `source_size_id` int unsigned DEFAULT NULL,
  `target_size_id` int unsigned DEFAULT NULL,
  `source_location_id` int unsigned NOT NULL,
  `target_location_id` int unsigned DEFAULT NULL,
  `created_on` datetime NOT NULL,
  `created_by_id` int unsigned NOT NULL,
  `lost_on` datetime DEFAULT NULL,
  `lost_by_id` int unsigned DEFAULT NULL,
  `received_on` datetime DEFAULT NULL,
  `received_by_id` int unsigned DEFAULT NULL,
  `removed_on` datetime DEFAULT NULL,
  `removed_by_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `shipment_detail_shipment_id` (`shipment_id`),
  KEY `shipment_detail_box_id` (`box_id`),
  KEY `shipment_detail_source_product_id` (`source_product_id`),
  KEY `shipment_detail_target_product_id` (`target_product_id`),
  KEY `shipment_detail_source_location_id` (`source_location_id`),
  KEY `shipment_detail_target_location_id` (`target_location_id`),
  KEY `shipment_detail_created_by_id` (`created_by_id`),
  KEY `shipment_detail_deleted_by_id` (`removed_by_id`),
  KEY `lost_by_id` (`lost_by_id`),
  KEY `received_by_id` (`received_by_id`),
  KEY `source_size_id` (`source_size_id`),
  KEY `target_size_id` (`target_size_id`),
  CONSTRAINT `shipment_detail_ibfk_1` FOREIGN KEY (`shipment_id`) REFERENCES `shipment` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_10` FOREIGN KEY (`received_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_11` FOREIGN KEY (`source_size_id`) REFERENCES `sizes` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_12` FOREIGN KEY (`target_size_id`) REFERENCES `sizes` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_2` FOREIGN KEY (`box_id`) REFERENCES `stock` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_3` FOREIGN KEY (`source_product_id`) REFERENCES `products` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_4` FOREIGN KEY (`target_product_id`) REFERENCES `products` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_5` FOREIGN KEY (`source_location_id`) REFERENCES `locations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_6` FOREIGN KEY (`target_location_id`) REFERENCES `locations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_7` FOREIGN KEY (`created_by_id`) REFERENCES `cms_users` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_8` FOREIGN KEY (`removed_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `shipment_detail_ibfk_9` FOREIGN KEY (`lost_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `sizegroup`;
CREATE TABLE `sizegroup` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) NOT NULL,
  `seq` int DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `sizes`;
CREATE TABLE `sizes` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(20) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `sizes_sizegroup`;
CREATE TABLE `sizes_sizegroup` (
  `size_id` int unsigned NOT NULL,
  `sizegroup_id` int unsigned NOT NULL,
  `seq` int DEFAULT NULL,
  PRIMARY KEY (`size_id`,`sizegroup_id`),
  KEY `idx_sizegroup_id` (`sizegroup_id`),
  CONSTRAINT `fk_ss_size_id` FOREIGN KEY (`size_id`) REFERENCES `sizes` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `fk_ss_sizegroup_id` FOREIGN KEY (`sizegroup_id`) REFERENCES `sizegroup` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `standard_product`;
CREATE TABLE `standard_product` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `category_id` int unsigned NOT NULL,
  `gender_id` int unsigned NOT NULL,
  `size_range_id` int unsigned NOT NULL,
  `version` int NOT NULL,
  `added_on` datetime NOT NULL,
  `added_by` int unsigned DEFAULT NULL,
  `deprecated_on` datetime DEFAULT NULL,
  `deprecated_by` int unsigned DEFAULT NULL,
  `preceded_by_product_id` int unsigned DEFAULT NULL,
  `superceded_by_product_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `standard_product_category_id` (`category_id`),
  KEY `standard_product_gender_id` (`gender_id`),
  KEY `standard_product_size_range_id` (`size_range_id`),
  KEY `standard_product_added_by` (`added_by`),
  KEY `standard_product_deprecated_by` (`deprecated_by`),
  KEY `standard_product_preceded_by_product_id` (`preceded_by_product_id`),
  KEY `standard_product_superceded_by_product_id` (`superceded_by_product_id`),
  CONSTRAINT `standard_product_ibfk_1` FOREIGN KEY (`category_id`) REFERENCES `product_categories` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `standard_product_ibfk_2` FOREIGN KEY (`gender_id`) REFERENCES `genders` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `standard_product_ibfk_3` FOREIGN KEY (`size_range_id`) REFERENCES `sizegroup` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `standard_product_ibfk_4` FOREIGN KEY (`added_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `standard_product_ibfk_5` FOREIGN KEY (`deprecated_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `standard_product_ibfk_6` FOREIGN KEY (`preceded_by_product_id`) REFERENCES `standard_product` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `standard_product_ibfk_7` FOREIGN KEY (`superceded_by_product_id`) REFERENCES `standard_product` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `stock`;
CREATE TABLE `stock` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `box_id` varchar(11) NOT NULL DEFAULT '',
  `product_id` int unsigned NOT NULL,
  `size_id` int unsigned DEFAULT NULL,
  `weight_display_unit_id` int unsigned NOT NULL DEFAULT '1',
  `weight` decimal(36,18) unsigned DEFAULT NULL,
  `monetary_value` decimal(36,18) unsigned DEFAULT NULL,
  `display_unit_id` int unsigned DEFAULT NULL,
  `measure_value` decimal(36,18) unsigned DEFAULT NULL,
  `items` int DEFAULT NULL,
  `location_id` int unsigned NOT NULL,
  `distro_event_id` int unsigned DEFAULT NULL,
  `qr_id` int unsigned DEFAULT NULL,
  `comments` text,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `deleted` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `box_state_id` int unsigned NOT NULL DEFAULT '1',
  `source_box_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `box_id_unique` (`box_id`),
  UNIQUE KEY `qr_id_unique` (`qr_id`),
  KEY `box_id` (`box_id`),
  KEY `location_id` (`location_id`),
  KEY `product_id` (`product_id`),
  KEY `size_id` (`size_id`),
  KEY `box_state_id` (`box_state_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `distro_event_id` (`distro_event_id`),
  KEY `display_unit_id` (`display_unit_id`),
  KEY `source_box_id` (`source_box_id`),
  KEY `weight_display_unit_id` (`weight_display_unit_id`),
  CONSTRAINT `stock_ibfk_10` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_11` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_14` FOREIGN KEY (`location_id`) REFERENCES `locations` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_15` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_16` FOREIGN KEY (`size_id`) REFERENCES `sizes` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_17` FOREIGN KEY (`distro_event_id`) REFERENCES `distro_events` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_18` FOREIGN KEY (`display_unit_id`) REFERENCES `units` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_19` FOREIGN KEY (`source_box_id`) REFERENCES `stock` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_20` FOREIGN KEY (`weight_display_unit_id`) REFERENCES `units` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_3` FOREIGN KEY (`qr_id`) REFERENCES `qr` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `stock_ibfk_9` FOREIGN KEY (`box_state_id`) REFERENCES `box_state` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `tags`;
CREATE TABLE `tags` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `label` varchar(255) NOT NULL,
  `color` varchar(255) NOT NULL,
  `camp_id` int unsigned NOT NULL,
  `deleted` datetime DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `description` text NOT NULL,
  `type` varchar(255) DEFAULT 'People',
  `seq` int DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `camp_id` (`camp_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `tags_type_index` (`type`),
  CONSTRAINT `tags_ibfk_1` FOREIGN KEY (`camp_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `tags_ibfk_2` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `tags_ibfk_3` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

DROP TABLE IF EXISTS `tags_relations`;
CREATE TABLE `tags_relations` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `object_id` int unsigned NOT NULL,
  `object_type` varchar(255) NOT NULL DEFAULT 'People',
  `tag_id` int unsigned NOT NULL,
  `created_on` datetime DEFAULT NULL,
  `created_by_id` int unsigned DEFAULT NULL,
  `deleted_on` datetime DEFAULT NULL,
  `deleted_by_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `tag_id` (`tag_id`),
  KEY `created_by_id` (`created_by_id`),
  KEY `deleted_by_id` (`deleted_by_id`),
  KEY `tags_relations_object_id_tag_id_object_type` (`object_id`,`tag_id`,`object_type`),
  CONSTRAINT `tags_relations_ibfk_4` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `tags_relations_ibfk_5` FOREIGN KEY (`created_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `tags_relations_ibfk_6` FOREIGN KEY (`deleted_by_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

DROP TABLE IF EXISTS `tipofday`;
CREATE TABLE `tipofday` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(255) DEFAULT NULL,
  `content` text,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `transactions`;
CREATE TABLE `transactions` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `people_id` int unsigned DEFAULT NULL,
  `product_id` int unsigned DEFAULT NULL,
  `count` int NOT NULL,
  `description` varchar(255) NOT NULL,
  `drops` int NOT NULL DEFAULT '0',
  `transaction_date` datetime NOT NULL,
  `user_id` int unsigned DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `people_id` (`people_id`),
  KEY `transaction_date` (`transaction_date`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  KEY `user_id` (`user_id`),
  KEY `product_id` (`product_id`),
  CONSTRAINT `transactions_ibfk_10` FOREIGN KEY (`people_id`) REFERENCES `people` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `transactions_ibfk_11` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `transactions_ibfk_7` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `transactions_ibfk_8` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `transactions_ibfk_9` FOREIGN KEY (`user_id`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `transfer_agreement`;
CREATE TABLE `transfer_agreement` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `source_organisation_id` int unsigned NOT NULL,
  `target_organisation_id` int unsigned NOT NULL,
  `state` varchar(255) NOT NULL DEFAULT 'UnderReview',
  `type` varchar(255) NOT NULL,
  `requested_on` datetime NOT NULL,
  `requested_by` int unsigned NOT NULL,
  `accepted_on` datetime DEFAULT NULL,
  `accepted_by` int unsigned DEFAULT NULL,
  `terminated_on` datetime DEFAULT NULL,
  `terminated_by` int unsigned DEFAULT NULL,
  `valid_from` datetime NOT NULL,
  `valid_until` datetime DEFAULT NULL,
  `comment` text,
  PRIMARY KEY (`id`),
  KEY `transfer_agreement_source_organisation_id` (`source_organisation_id`),
  KEY `transfer_agreement_target_organisation_id` (`target_organisation_id`),
  KEY `transfer_agreement_requested_by` (`requested_by`),
  KEY `transfer_agreement_accepted_by` (`accepted_by`),
  KEY `transfer_agreement_terminated_by` (`terminated_by`),
  CONSTRAINT `transfer_agreement_ibfk_1` FOREIGN KEY (`source_organisation_id`) REFERENCES `organisations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `transfer_agreement_ibfk_2` FOREIGN KEY (`target_organisation_id`) REFERENCES `organisations` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `transfer_agreement_ibfk_3` FOREIGN KEY (`requested_by`) REFERENCES `cms_users` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `transfer_agreement_ibfk_4` FOREIGN KEY (`accepted_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `transfer_agreement_ibfk_5` FOREIGN KEY (`terminated_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `transfer_agreement_detail`;
CREATE TABLE `transfer_agreement_detail` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `transfer_agreement_id` int unsigned NOT NULL,
  `source_base_id` int unsigned DEFAULT NULL,
  `target_base_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `transfer_agreement_detail_transfer_agreement_id` (`transfer_agreement_id`),
  KEY `transfer_agreement_detail_source_base_id` (`source_base_id`),
  KEY `transfer_agreement_detail_target_base_id` (`target_base_id`),
  CONSTRAINT `transfer_agreement_detail_ibfk_1` FOREIGN KEY (`transfer_agreement_id`) REFERENCES `transfer_agreement` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `transfer_agreement_detail_ibfk_2` FOREIGN KEY (`source_base_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `transfer_agreement_detail_ibfk_3` FOREIGN KEY (`target_base_id`) REFERENCES `camps` (`id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `translate`;
CREATE TABLE `translate` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `category_id` int unsigned DEFAULT NULL,
  `type` varchar(20) NOT NULL,
  `code` varchar(255) DEFAULT '',
  `description` varchar(255) DEFAULT NULL,
  `nl` text NOT NULL,
  `en` text NOT NULL,
  `fr` text NOT NULL,
  `hidden` tinyint NOT NULL DEFAULT '0',
  `created` datetime DEFAULT NULL,
  `created_by` int unsigned DEFAULT NULL,
  `modified` datetime DEFAULT NULL,
  `modified_by` int unsigned DEFAULT NULL,
  `deleted` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `category_id` (`category_id`),
  KEY `created_by` (`created_by`),
  KEY `modified_by` (`modified_by`),
  CONSTRAINT `translate_ibfk_3` FOREIGN KEY (`category_id`) REFERENCES `translate_categories` (`id`) ON UPDATE CASCADE,
  CONSTRAINT `translate_ibfk_4` FOREIGN KEY (`created_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `translate_ibfk_5` FOREIGN KEY (`modified_by`) REFERENCES `cms_users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `translate_categories`;
CREATE TABLE `translate_categories` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `units`;
CREATE TABLE `units` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `symbol` varchar(255) NOT NULL,
  `conversion_factor` decimal(36,18) unsigned NOT NULL,
  `dimension_id` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `dimension_id` (`dimension_id`),
  CONSTRAINT `units_ibfk_1` FOREIGN KEY (`dimension_id`) REFERENCES `sizegroup` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

DROP TABLE IF EXISTS `x_people_languages`;
CREATE TABLE `x_people_languages` (
  `people_id` int unsigned NOT NULL,
  `language_id` int unsigned NOT NULL,
  UNIQUE KEY `people_language_unique` (`people_id`,`language_id`),
  KEY `language_id` (`language_id`),
  CONSTRAINT `x_people_languages_ibfk_2` FOREIGN KEY (`language_id`) REFERENCES `languages` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `x_people_languages_ibfk_3` FOREIGN KEY (`people_id`) REFERENCES `people` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8 ROW_FORMAT=DYNAMIC;

