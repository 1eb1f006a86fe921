extension Fixtures {
    /// Ids of the mobile-distribution fixture rows.
    public enum Distribution {
        /// Spots besides the core fixtures' location 6 ('Spot Lesvos', base 1).
        public static let beachSpot = 61, northSpot = 62
        public enum EventID {
            public static let planning = 1, onDistro = 2, returned = 3, trackedA = 4, trackedB = 5, north = 6
            /// An event at a warehouse location: not listed by `Base.distributionEvents`.
            public static let atWarehouse = 7
        }
        /// Packing list entries: jeans M and S and the old coat for event 1, blankets for event 6.
        public enum PackingListEntryID { public static let jeansMedium = 1, jeansSmall = 2, oldCoat = 3, north = 4 }
        public enum TrackingGroupID { public static let lesvosInProgress = 1, lesvosCompleted = 2, north = 3 }
    }

    /// Fixture rows of the distribution domain, loaded after the core rows.
    ///
    /// Base 1: spots 6 and 61 with events 1–5 (event 7 sits at warehouse location 1);
    /// events 4 and 5 form tracking group 1. Base 3: spot 62, event 6, group 3 (stored with
    /// the table's default state spelling `In Progress`). Box 10000001 is assigned to event 1.
    static let distributionStatements: [String] = [
        """
        INSERT INTO locations (id, label, camp_id, type, seq, box_state_id, is_market, container_stock, visible, deleted, latitude, longitude, description) VALUES
        (61, 'Spot Beach', 1, 'MapDistroSpot', 5, 1, 0, 0, 1, NULL, 39.1, 26.55, 'Next to the kiosk'),
        (62, 'Spot North', 3, 'MapDistroSpot', 2, 1, 0, 0, 1, NULL, 40.64, 22.94, NULL)
        """,
        """
        INSERT INTO distro_events_tracking_groups (id, base_id, state, created_on, created_by) VALUES
        (1, 1, 'InProgress', '2024-04-03 10:00:00', 2),
        (2, 1, 'Completed', '2024-03-01 10:00:00', 2),
        (3, 3, 'In Progress', '2024-04-05 10:00:00', 4)
        """,
        """
        INSERT INTO distro_events (id, name, planned_start_date_time, planned_end_date_time, location_id, distro_event_tracking_group_id, state, created_on, created_by) VALUES
        (1, 'Morning distro', '2024-06-01 09:00:00', '2024-06-01 12:00:00', 6, NULL, 'Planning', '2024-05-01 10:00:00', 2),
        (2, 'Beach distro', '2024-06-02 10:00:00', '2024-06-02 13:00:00', 61, NULL, 'OnDistro', '2024-05-01 10:00:00', 2),
        (3, 'Back home', '2024-05-01 09:00:00', '2024-05-01 11:00:00', 6, NULL, 'ReturnedFromDistribution', '2024-04-20 10:00:00', 2),
        (4, 'Tracked A', '2024-04-01 09:00:00', '2024-04-01 11:00:00', 6, 1, 'ReturnTrackingInProgress', '2024-03-20 10:00:00', 2),
        (5, 'Tracked B', '2024-04-02 09:00:00', '2024-04-02 12:00:00', 61, 1, 'ReturnTrackingInProgress', '2024-03-20 10:00:00', 2),
        (6, 'North distro', '2024-06-03 09:00:00', '2024-06-03 12:00:00', 62, NULL, 'Planning', '2024-05-02 10:00:00', 4),
        (7, 'Odd one', '2024-06-04 09:00:00', '2024-06-04 12:00:00', 1, NULL, 'Packing', '2024-05-02 10:00:00', 2)
        """,
        """
        INSERT INTO distro_events_packing_list_entries (id, product_id, size_id, number_of_items, distro_event_id, state, created_on, created_by) VALUES
        (1, 1, 2, 5, 1, 'NotStarted', '2024-05-02 10:00:00', 2),
        (2, 1, 1, 3, 1, 'NotStarted', '2024-05-02 10:00:00', 2),
        (3, 3, 3, 0, 1, 'NotStarted', '2024-05-02 10:00:00', 2),
        (4, 5, 1, 10, 6, 'NotStarted', '2024-05-02 10:00:00', 4)
        """,
        """
        INSERT INTO distro_events_unboxed_item_collections (id, product_id, size_id, number_of_items, distro_event_id, location_id, created_on, created_by) VALUES
        (1, 1, 2, 4, 1, 6, '2024-05-03 10:00:00', 2),
        (2, 1, 1, 2, 2, 61, '2024-05-03 10:00:00', 2)
        """,
        """
        INSERT INTO distro_events_tracking_logs (id, product_id, size_id, number_of_items, flow_direction, distro_event_tracking_group_id, date) VALUES
        (1, 1, 2, 10, 'Out', 1, '2024-04-03 10:00:00'),
        (2, 1, 2, 3, 'In', 1, '2024-04-04 10:00:00'),
        (3, 1, 2, 1, 'BackToBox', 1, '2024-04-05 10:00:00'),
        (4, 1, 1, 4, 'Out', 1, '2024-04-03 10:00:00'),
        (5, 3, 3, 2, 'Out', 1, '2024-04-03 10:00:00'),
        (6, 5, 1, 5, 'Out', 3, '2024-04-05 10:00:00')
        """,
        "UPDATE stock SET distro_event_id = 1 WHERE id = 1",
    ]
}
