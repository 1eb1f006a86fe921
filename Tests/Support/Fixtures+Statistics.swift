import BoxtributeDatabase
import BoxtributeDomain

extension Fixtures {
    /// Rows of the statistics suites (statviz cubes, figures, metrics, share links, public
    /// numbers), loaded on top of the standard fixtures. The clock of these tests is
    /// ``now``: 2025-06-01 12:00:00.
    ///
    /// Boxes moved to a free shop and back, created as donated, lost, deleted, and shipped to
    /// Thessaloniki and reconciled there; people of every gender with birthdays around the
    /// clock's date; history of people; services; transactions; and six share links.
    public enum Statistics {
        /// The tests' clock.
        public static let now = Timestamp(trustedText: MutationEnvironment.fixtureNow)

        public enum LocationID {
            /// Lesvos, a Donated location.
            public static let freeShopLesvos: Location.ID = 200
            /// Thessaloniki, Donated, deleted on 2024-05-01.
            public static let shopThessaloniki: Location.ID = 201
        }

        public enum BoxID {
            /// Jeans S, 6 items, moved to the free shop (donated), back, and there again; tags 1 and 3.
            public static let donatedJeans: Box.ID = 200
            /// Rice, 2.345 kg, created Donated in the free shop.
            public static let donatedRice: Box.ID = 201
            /// Jeans M, InStock then Lost; only the deleted tag 4.
            public static let lostJeans: Box.ID = 202
            /// Jeans S, 3 items, deleted (a `Record deleted` row).
            public static let deletedJeans: Box.ID = 203
            /// Jeans M, 7 items, created 2024-01-01 like box 1; tags 1 and 4 (4 is deleted).
            public static let taggedJeans: Box.ID = 204
            /// Created in Lesvos (jeans, 9 items), shipped to Thessaloniki in shipment 200 and
            /// reconciled there to product 61 with 7 items.
            public static let shipped: Box.ID = 205
        }

        public enum BeneficiaryID {
            /// Male, a member of Aisha's (1) family, tag 3, created 2024-01-10.
            public static let yusuf = 200
            /// Female family head, born 1985-06-02, created 2025-05-20, checked out 2025-05-25.
            public static let mona = 201
            /// Male family head of Thessaloniki, born 1985-06-01 (40 on the clock's date).
            public static let karim = 202
            /// A person's `Record created` history row whose person is gone.
            public static let hardDeleted = 999
        }

        /// Lesvos sends box 205 to Thessaloniki (completed).
        public static let shipment = 200

        public enum LinkID {
            /// The dashboard of Lesvos, valid until 2025-06-08 12:00, `?from=2024-01-01&to=2025-01-01`.
            public static let dashboard = 1
            /// A dashboard link that expired 2025-05-31 12:00.
            public static let expired = 2
            /// The stock overview of Lesvos without parameters.
            public static let stockOverview = 3
            /// `tags=1%2C3`.
            public static let includingTags = 4
            /// `tags=1&notags=3`.
            public static let includingAndExcluding = 5
            /// `notags=1`.
            public static let excludingTag = 6
        }

        /// The code of link `id` (1 to 6): `a`, 62 zeros, the digit.
        public static func linkCode(_ id: Int) -> String { "a" + String(repeating: "0", count: 62) + String(id) }

        /// A fresh database with the standard fixtures and the rows above.
        public static func makeDatabase() async throws -> any Database {
            let database = try await Fixtures.makeDatabase()
            try await database.transaction { connection in
                for statement in statements { _ = try await connection.execute(statement, []) }
            }
            return database
        }

        static let statements = [
            """
            INSERT INTO locations (id, label, camp_id, type, seq, box_state_id, is_market, container_stock, visible, deleted, created, created_by) VALUES
            (200, 'Free shop Lesvos', 1, 'Warehouse', 6, 5, 1, 0, 1, NULL, '2023-01-01 00:00:00', 2),
            (201, 'Shop Thessaloniki', 3, 'Warehouse', 2, 5, 1, 0, 1, '2024-05-01 00:00:00', NULL, NULL)
            """,
            """
            INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, qr_id, comments, display_unit_id, measure_value, weight, weight_display_unit_id, monetary_value, deleted, created, created_by, modified, modified_by) VALUES
            (200, '10000200', 1, 1, 6, 200, 5, NULL, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-03-01 09:00:00', 2, '2024-03-07 10:00:00', 2),
            (201, '10000201', 2, NULL, 1, 200, 5, NULL, NULL, 1, 2.345, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-03-10 09:00:00', 2, '2024-03-10 09:00:00', 2),
            (202, '10000202', 1, 2, 4, 1, 2, NULL, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-03-12 09:00:00', 2, '2024-03-15 09:00:00', 2),
            (203, '10000203', 1, 1, 3, 1, 1, NULL, NULL, NULL, NULL, NULL, 1, NULL, '2024-03-20 08:00:00', '2024-03-18 09:00:00', 2, '2024-03-20 08:00:00', 2),
            (204, '10000204', 1, 2, 7, 1, 1, NULL, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-01-01 14:00:00', 2, '2024-01-01 14:00:00', 2),
            (205, '30000205', 61, 1, 7, 5, 1, NULL, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-02-10 09:00:00', 2, '2024-02-20 09:00:00', 4)
            """,
            """
            INSERT INTO history (id, tablename, record_id, changes, user_id, changedate, from_int, to_int) VALUES
            (200, 'stock', 200, 'Record created', 2, '2024-03-01 09:00:00', NULL, NULL),
            (201, 'stock', 200, 'location_id', 2, '2024-03-05 10:00:00', 1, 200),
            (202, 'stock', 200, 'box_state_id', 2, '2024-03-05 10:00:00', 1, 5),
            (203, 'stock', 200, 'location_id', 2, '2024-03-06 10:00:00', 200, 1),
            (204, 'stock', 200, 'box_state_id', 2, '2024-03-06 10:00:00', 5, 1),
            (205, 'stock', 200, 'location_id', 2, '2024-03-07 10:00:00', 1, 200),
            (206, 'stock', 200, 'box_state_id', 2, '2024-03-07 10:00:00', 1, 5),
            (210, 'stock', 201, 'Record created', 2, '2024-03-10 09:00:00', NULL, NULL),
            (220, 'stock', 202, 'Record created', 2, '2024-03-12 09:00:00', NULL, NULL),
            (221, 'stock', 202, 'box_state_id', 2, '2024-03-15 09:00:00', 1, 2),
            (230, 'stock', 203, 'Record created', 2, '2024-03-18 09:00:00', NULL, NULL),
            (231, 'stock', 203, 'Record deleted', 2, '2024-03-20 08:00:00', NULL, NULL),
            (240, 'stock', 205, 'Record created', 2, '2024-02-10 09:00:00', NULL, NULL),
            (241, 'stock', 205, 'location_id', 4, '2024-02-20 09:00:00', 1, 5),
            (242, 'stock', 205, 'product_id', 4, '2024-02-20 09:00:00', 1, 61),
            (243, 'stock', 205, 'items', 4, '2024-02-20 09:00:00', 9, 7),
            (250, 'people', 1, 'Record created', 2, '2024-01-10 10:00:00', NULL, NULL),
            (251, 'people', 1, 'firstname', 2, '2024-01-10 10:00:00', NULL, NULL),
            (252, 'people', 1, 'comments', 2, '2024-01-11 09:00:00', NULL, NULL),
            (253, 'people', 3, 'Record created', 2, '2024-02-01 00:00:00', NULL, NULL),
            (254, 'people', 3, 'Record deleted', 2, '2024-03-01 00:00:00', NULL, NULL),
            (255, 'people', 201, 'Record created', 2, '2025-05-20 08:00:00', NULL, NULL),
            (256, 'people', 999, 'Record created', 2, '2025-05-21 08:00:00', NULL, NULL),
            (257, 'people', 1, 'lastname', 2, '2023-01-15 10:00:00', NULL, NULL),
            (260, 'stock', 5, 'location_id', 4, '2024-04-10 10:00:00', 5, 201),
            (261, 'stock', 5, 'box_state_id', 4, '2024-04-10 10:00:00', 1, 5),
            (262, 'stock', 5, 'location_id', 4, '2024-04-20 10:00:00', 201, 5),
            (263, 'stock', 5, 'box_state_id', 4, '2024-04-20 10:00:00', 5, 1)
            """,
            """
            INSERT INTO tags_relations (id, object_id, object_type, tag_id, created_on, created_by_id, deleted_on, deleted_by_id) VALUES
            (200, 200, 'Stock', 3, '2024-03-01 09:00:00', 2, NULL, NULL),
            (201, 200, 'Stock', 1, '2024-03-01 09:00:00', 2, NULL, NULL),
            (202, 202, 'Stock', 4, '2024-03-12 09:00:00', 2, NULL, NULL),
            (203, 204, 'Stock', 1, '2024-01-01 14:00:00', 2, NULL, NULL),
            (204, 204, 'Stock', 4, '2024-01-01 14:00:00', 2, NULL, NULL),
            (210, 200, 'People', 3, '2024-01-10 15:00:00', 2, NULL, NULL)
            """,
            """
            INSERT INTO people (id, parent_id, seq, firstname, lastname, date_of_birth, gender, family_id, container, comments, phone, camp_id, deleted, notregistered, volunteer, approvalsigned, signaturefield, date_of_signature, bicyclebancomment, workshopbancomment, created, created_by, modified, modified_by) VALUES
            (200, 1, 3, 'Yusuf', 'Rahman', '2015-08-01', 'M', 0, 'A1', NULL, NULL, 1, '0000-00-00 00:00:00', 0, 0, 0, NULL, '0000-00-00 00:00:00', '', '', '2024-01-10 15:00:00', 2, NULL, NULL),
            (201, NULL, 1, 'Mona', 'Saleh', '1985-06-02', 'F', 0, 'M1', NULL, NULL, 1, '0000-00-00 00:00:00', 0, 0, 0, NULL, '0000-00-00 00:00:00', '', '', '2025-05-20 08:00:00', 2, NULL, NULL),
            (202, NULL, 1, 'Karim', 'Nasser', '1985-06-01', 'M', 0, 'K1', NULL, NULL, 3, '0000-00-00 00:00:00', 0, 0, 0, NULL, '0000-00-00 00:00:00', '', '', '2025-05-25 08:00:00', 4, NULL, NULL)
            """,
            """
            INSERT INTO services (id, label, description, camp_id, created) VALUES
            (1, 'Language class', '', 1, '2023-01-01 00:00:00')
            """,
            """
            INSERT INTO services_relations (id, people_id, service_id, created, created_by) VALUES
            (1, 1, 1, '2024-05-01 10:00:00', 2),
            (2, 1, 1, '2024-05-01 10:00:00', 2)
            """,
            """
            INSERT INTO transactions (id, people_id, product_id, count, description, drops, transaction_date, user_id) VALUES
            (200, 1, 1, 3, '', 0, '2024-02-03 11:00:00', 2),
            (201, 3, 1, 1, '', -10, '2024-02-10 09:00:00', 2),
            (202, 1, 1, 4, '', -40, '2024-03-01 09:00:00', 2),
            (203, 201, 1, 2, '', 0, '2025-05-25 10:00:00', 2),
            (204, 202, 61, 5, '', 0, '2025-05-26 10:00:00', 4)
            """,
            """
            INSERT INTO shipment (id, source_base_id, target_base_id, transfer_agreement_id, state, started_on, started_by_id, sent_on, sent_by_id, receiving_started_on, receiving_started_by_id, completed_on, completed_by_id) VALUES
            (200, 1, 3, 1, 'Completed', '2024-02-14 10:00:00', 2, '2024-02-15 10:00:00', 2, '2024-02-19 10:00:00', 4, '2024-02-20 09:30:00', 4)
            """,
            """
            INSERT INTO shipment_detail (id, shipment_id, box_id, source_product_id, target_product_id, source_location_id, target_location_id, source_size_id, target_size_id, source_quantity, target_quantity, created_on, created_by_id, received_on, received_by_id) VALUES
            (200, 200, 205, 1, 61, 1, 5, 1, 1, 9, 7, '2024-02-14 10:05:00', 2, '2024-02-20 09:00:00', 4)
            """,
            """
            INSERT INTO shareable_link (id, code, valid_until, view, base_id, url_parameters, created_on, created_by_id) VALUES
            (1, 'a000000000000000000000000000000000000000000000000000000000000001', '2025-06-08 12:00:00', 'StatvizDashboard', 1, '?from=2024-01-01&to=2025-01-01', '2025-06-01 12:00:00', 2),
            (2, 'a000000000000000000000000000000000000000000000000000000000000002', '2025-05-31 12:00:00', 'StatvizDashboard', 1, NULL, '2025-05-24 12:00:00', 2),
            (3, 'a000000000000000000000000000000000000000000000000000000000000003', '2025-06-08 12:00:00', 'StockOverview', 1, NULL, '2025-06-01 12:00:00', 2),
            (4, 'a000000000000000000000000000000000000000000000000000000000000004', '2025-06-08 12:00:00', 'StockOverview', 1, 'tags=1%2C3', '2025-06-01 12:00:00', 2),
            (5, 'a000000000000000000000000000000000000000000000000000000000000005', '2025-06-08 12:00:00', 'StockOverview', 1, 'tags=1&notags=3', '2025-06-01 12:00:00', 2),
            (6, 'a000000000000000000000000000000000000000000000000000000000000006', '2025-06-08 12:00:00', 'StockOverview', 1, 'notags=1', '2025-06-01 12:00:00', 2)
            """,
        ]
    }
}
