import BoxtributeDatabase
import Logging

extension Fixtures {
    /// Usergroups, functions and Auth0 role rows over the standard fixtures, for
    /// `remove-base-access`. Organisation 1 has two active bases, Lesvos (1) and Samos (2).
    ///
    /// | usergroup | bases | functions | role rows | users |
    /// |---|---|---|---|---|
    /// | 10 Lesvos coordinators | 1 | 1, 2 | `rol_b1_coord` base_1_coordinator, `rol_admin` administrator | 2 |
    /// | 11 Org A heads | 1, 2 | 1 | `rol_b1_wh` base_1_warehouse_volunteer, `rol_b2_wh` base_2_warehouse_volunteer | 5 |
    /// | 12 Samos volunteers | 2 | 1 | `rol_b2_wh` | 3 |
    /// | 13 Thessaloniki coordinators | 3 | — | `rol_b10_coord` base_10_coordinator | 4 |
    ///
    /// Functions of bases (`cms_functions_camps`): 1 and 2 at Lesvos, 1 at Samos and Thessaloniki.
    public enum BaseAccess {
        public enum Usergroup { public static let lesvos = 10, orgHeads = 11, samos = 12, thessaloniki = 13 }
        /// A user of both bases of organisation 1 (usergroup 11).
        public static let orgHeadUser = 5

        static let statements = [
            "INSERT INTO cms_usergroups_levels (id, level, label) VALUES (1, 100, 'Coordinator')",
            """
            INSERT INTO cms_functions (id, title_en, include, seq, visible) VALUES
            (1, 'Boxes', 'stock', 1, 1), (2, 'Beneficiaries', 'people', 2, 1)
            """,
            """
            INSERT INTO cms_usergroups (id, label, organisation_id, userlevel, allow_borrow_adddelete, deleted) VALUES
            (10, 'Lesvos coordinators', 1, 1, 0, NULL), (11, 'Org A heads', 1, 1, 0, NULL),
            (12, 'Samos volunteers', 1, 1, 0, NULL), (13, 'Thessaloniki coordinators', 2, 1, 0, NULL)
            """,
            "INSERT INTO cms_usergroups_camps (camp_id, cms_usergroups_id) VALUES (1, 10), (1, 11), (2, 11), (2, 12), (3, 13)",
            "INSERT INTO cms_functions_camps (cms_functions_id, camps_id) VALUES (1, 1), (2, 1), (1, 2), (1, 3)",
            "INSERT INTO cms_usergroups_functions (cms_functions_id, cms_usergroups_id) VALUES (1, 10), (2, 10), (1, 11), (1, 12)",
            """
            INSERT INTO cms_usergroups_roles (cms_usergroups_id, auth0_role_id, auth0_role_name) VALUES
            (10, 'rol_b1_coord', 'base_1_coordinator'), (10, 'rol_admin', 'administrator'),
            (11, 'rol_b1_wh', 'base_1_warehouse_volunteer'), (11, 'rol_b2_wh', 'base_2_warehouse_volunteer'),
            (12, 'rol_b2_wh', 'base_2_warehouse_volunteer'), (13, 'rol_b10_coord', 'base_10_coordinator')
            """,
            """
            INSERT INTO cms_users (id, naam, email, lastlogin, lastaction, deleted, valid_firstday, valid_lastday, cms_usergroups_id) VALUES
            (5, 'Head Org A', 'head@aida.test', '2024-05-04 08:00:00', '2024-05-04 09:00:00', '0000-00-00 00:00:00', NULL, NULL, 11)
            """,
            "UPDATE cms_users SET cms_usergroups_id = 10, is_admin = 1, language = 2, pass = 'secret' WHERE id = 2",
            "UPDATE cms_users SET cms_usergroups_id = 12 WHERE id = 3",
            "UPDATE cms_users SET cms_usergroups_id = 13 WHERE id = 4",
        ]

        /// Adds the rows to a database holding the standard fixtures.
        public static func load(into database: any Database) async throws {
            try await database.transaction { connection in
                for statement in statements { _ = try await connection.execute(statement, []) }
            }
        }
    }

    /// A small dataset of its own for the internal statistics (on an empty, migrated database).
    /// Organisations are named so that sorting by name reverses their ids.
    ///
    /// | box | base | items | created |
    /// |---|---|---|---|
    /// | 1 | Lesvos (org 1 "Zeta Aid") | 10 | 2025-05-20 |
    /// | 2 | Lesvos | NULL | 2025-04-10 |
    /// | 3 | Samos (org 1) | 5 | 2025-05-25 |
    /// | 4 | Athens (org 2 "Alpha Aid") | 7 | 2025-01-15 |
    /// | 5 | Athens | 1 | 2024-03-01 |
    ///
    /// People: 1 at Lesvos created 2025-05-10; 2 at Athens created 2023-01-01 with a
    /// transaction on 2025-05-28.
    public enum InternalStats {
        /// The time the statistics are computed at.
        public static let now = "2025-06-01 12:00:00"

        static let statements = [
            "INSERT INTO organisations (id, label) VALUES (1, 'Zeta Aid'), (2, 'Alpha Aid')",
            """
            INSERT INTO camps (id, name, organisation_id, seq, deleted, currencyname, monetary_currency_code) VALUES
            (1, 'Lesvos', 1, 1, NULL, 'Tokens', 'EUR'), (2, 'Samos', 1, 2, NULL, 'Tokens', 'EUR'),
            (3, 'Athens', 2, 3, NULL, 'Tokens', 'EUR')
            """,
            "INSERT INTO sizegroup (id, label, seq) VALUES (1, 'S, M, L', 1)",
            "INSERT INTO sizes (id, label) VALUES (1, 'S')",
            """
            INSERT INTO locations (id, label, camp_id, type, seq, box_state_id, is_market, container_stock, visible) VALUES
            (1, 'WH Lesvos', 1, 'Warehouse', 1, 1, 0, 1, 1), (2, 'WH Samos', 2, 'Warehouse', 1, 1, 0, 1, 1),
            (3, 'WH Athens', 3, 'Warehouse', 1, 1, 0, 1, 1)
            """,
            """
            INSERT INTO products (id, name, category_id, gender_id, sizegroup_id, camp_id, value, stockincontainer) VALUES
            (1, 'Jeans', 2, 2, 1, 1, 0, 0), (2, 'Jeans', 2, 2, 1, 2, 0, 0), (3, 'Jeans', 2, 2, 1, 3, 0, 0)
            """,
            """
            INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, deleted, created) VALUES
            (1, '10000001', 1, 1, 10, 1, 1, '0000-00-00 00:00:00', '2025-05-20 10:00:00'),
            (2, '10000002', 1, 1, NULL, 1, 1, '0000-00-00 00:00:00', '2025-04-10 10:00:00'),
            (3, '10000003', 2, 1, 5, 2, 1, '0000-00-00 00:00:00', '2025-05-25 10:00:00'),
            (4, '10000004', 3, 1, 7, 3, 1, '0000-00-00 00:00:00', '2025-01-15 10:00:00'),
            (5, '10000005', 3, 1, 1, 3, 1, '0000-00-00 00:00:00', '2024-03-01 10:00:00')
            """,
            """
            INSERT INTO people (id, parent_id, seq, firstname, lastname, family_id, camp_id, deleted, bicyclebancomment,
              workshopbancomment, created) VALUES
            (1, NULL, 1, 'Aisha', 'Rahman', 0, 1, '0000-00-00 00:00:00', '', '', '2025-05-10 10:00:00'),
            (2, NULL, 1, 'Omar', 'Haddad', 0, 3, '0000-00-00 00:00:00', '', '', '2023-01-01 10:00:00')
            """,
            """
            INSERT INTO transactions (id, people_id, product_id, count, description, drops, transaction_date) VALUES
            (1, 2, 3, 2, '', -4, '2025-05-28 10:00:00')
            """,
        ]

        /// A fresh database on the engine of the tests with only these rows.
        public static func makeDatabase(sqlite: Bool = false) async throws -> any Database {
            let logger = Logger.quiet()
            let database: any Database =
                sqlite
                ? try await SQLiteDatabase.open(path: ":memory:", logger: logger)
                : try await makeEmptyDatabase(logger: logger)
            try await SchemaMigrator.migrate(database, logger: logger)
            try await database.transaction { connection in
                for statement in statements { _ = try await connection.execute(statement, []) }
            }
            return database
        }
    }
}
