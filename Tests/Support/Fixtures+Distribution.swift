import BoxtributeDomain

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

        /// Rows the mutation tests add (``mutationStatements``): events in the states the core
        /// distribution fixtures lack, a second returned event, and a box to distribute.
        public enum Mutation {
            /// At spot 61: in `Packing`; back from distribution (with box 10000008 assigned
            /// and 2 loose jeans M). At spot 6: `Completed`, with packing list entry 5 and
            /// collection 3. At Thessaloniki's spot 62: back from distribution.
            public static let packingEvent = 8, returnedEvent = 10, completedEvent = 9, northReturnedEvent = 11
            /// Packing list entry of the completed event: 2 jeans S.
            public static let completedEntry = 5
            /// Loose items: 3 jeans S of the completed event, 2 jeans M of the returned event 10.
            public static let completedCollection = 3, returnedCollection = 4
            /// Jeans S, 6 items, in WH Lesvos, assigned to the returned event 10.
            public static let smallJeansLabel = "10000008"
            public static let smallJeansBox: Box.ID = 8
        }
    }

    /// Rows of ``Distribution/Mutation``, loaded on top of the fixtures by the distribution
    /// mutation tests (the query tests' figures stay as they are).
    public static let distributionMutationStatements: [String] = [
        """
        INSERT INTO distro_events (id, name, planned_start_date_time, planned_end_date_time, location_id, distro_event_tracking_group_id, state, created_on, created_by) VALUES
        (8, 'Packing day', '2024-06-05 09:00:00', '2024-06-05 12:00:00', 61, NULL, 'Packing', '2024-05-03 10:00:00', 2),
        (9, 'Done distro', '2024-03-01 09:00:00', '2024-03-01 12:00:00', 6, 2, 'Completed', '2024-02-20 10:00:00', 2),
        (10, 'Back from beach', '2024-05-10 09:00:00', '2024-05-10 12:00:00', 61, NULL, 'ReturnedFromDistribution', '2024-05-01 10:00:00', 2),
        (11, 'Back north', '2024-05-11 09:00:00', '2024-05-11 12:00:00', 62, NULL, 'ReturnedFromDistribution', '2024-05-01 10:00:00', 4)
        """,
        """
        INSERT INTO distro_events_packing_list_entries (id, product_id, size_id, number_of_items, distro_event_id, state, created_on, created_by) VALUES
        (5, 1, 1, 2, 9, 'NotStarted', '2024-02-21 10:00:00', 2)
        """,
        """
        INSERT INTO distro_events_unboxed_item_collections (id, product_id, size_id, number_of_items, distro_event_id, location_id, created_on, created_by) VALUES
        (3, 1, 1, 3, 9, 6, '2024-02-22 10:00:00', 2),
        (4, 1, 2, 2, 10, 61, '2024-05-09 10:00:00', 2)
        """,
        """
        INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, qr_id, comments, weight_display_unit_id, deleted, created, created_by, modified, modified_by, distro_event_id) VALUES
        (8, '10000008', 1, 1, 6, 1, 1, NULL, NULL, 1, '0000-00-00 00:00:00', '2024-01-08 10:00:00', 2, '2024-01-08 10:00:00', 2, 10)
        """,
    ]

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
