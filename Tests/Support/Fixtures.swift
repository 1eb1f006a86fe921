import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import Logging

/// A small, named dataset every API test starts from (a fresh in-memory database each time).
///
/// Two organisations; Lesvos and Samos belong to organisation 1, Thessaloniki to
/// organisation 2, and a closed (deleted) base to organisation 1. Box 6 travels in a shipment
/// from Lesvos to Thessaloniki.
public enum Fixtures {
    public enum Org { public static let aidA = 1, aidB = 2 }
    public enum BaseID {
        public static let lesvos: Base.ID = 1, samos: Base.ID = 2, thessaloniki: Base.ID = 3, closed: Base.ID = 4
    }
    public enum UserID {
        public static let god = 1, lesvosCoordinator = 2, samosVolunteer = 3, thessalonikiCoordinator = 4
    }
    public enum LocationID {
        public static let lesvosWarehouse: Location.ID = 1, lesvosLost: Location.ID = 2, lesvosDeleted: Location.ID = 3
        public static let samosWarehouse: Location.ID = 4, thessalonikiWarehouse: Location.ID = 5
        public static let lesvosDistributionSpot: Location.ID = 6
    }
    public enum ProductID {
        public static let jeans: Product.ID = 1, rice: Product.ID = 2, oldCoat: Product.ID = 3
        public static let standardTShirt: Product.ID = 4, blanket: Product.ID = 5
    }
    public enum BoxLabel {
        public static let jeans = "10000001", rice = "10000002", lost = "10000003", deleted = "10000004"
        public static let thessaloniki = "30000001", inTransit = "10000006", samos = "10000007"
    }
    public enum TagID {
        public static let winter: Tag.ID = 1, family: Tag.ID = 2, urgent: Tag.ID = 3, deleted: Tag.ID = 4
        public static let thessaloniki: Tag.ID = 5
    }
    /// Database ids (`stock.id`) of the boxes, named as their labels in ``BoxLabel``.
    public enum BoxID {
        public static let jeans: Box.ID = 1, rice: Box.ID = 2, lost: Box.ID = 3, deleted: Box.ID = 4
        public static let thessaloniki: Box.ID = 5, inTransit: Box.ID = 6, samos: Box.ID = 7
    }
    /// The sizes of size range 1 ('S, M, L').
    public enum SizeID { public static let small = 1, medium = 2, large = 3 }
    public enum SizeRangeID { public static let smallMediumLarge = 1 }
    /// Standard products: the T-shirt in version 1 (superseded by version 2) and soap.
    public enum StandardProductID { public static let tShirtVersion1 = 1, soap = 2, tShirt = 3 }
    /// QR codes: those of the jeans, Thessaloniki and Samos boxes, and one no box has.
    public enum QrCode {
        public static let jeans = "c4ca4238a0b923820dcc509a6f75849b", thessaloniki = "c81e728d9d4c2f636f067f89cc14862c"
        public static let samos = "eccbc87e4b5ce2fe28308fd9f2a7baa3", unassigned = "a87ff679a2f3e71d9181a67b7542122c"
    }
    /// An id that no fixture row of any table has (the not-found checks).
    public static let unknownID = 99
    /// A second id that no fixture row has, where a check needs one besides ``unknownID``.
    public static let anotherUnknownID = 999
    /// A box label that no box has.
    public static let unknownLabel = "99999999"

    /// The god user.
    public static let god = CurrentUser(id: UserID.god, isGod: true, organisationId: nil, maxBetaLevel: 99)
    /// Every permission for Lesvos.
    public static let lesvosCoordinator = CurrentUser(
        id: UserID.lesvosCoordinator, organisationId: Org.aidA, maxBetaLevel: 99,
        permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [BaseID.lesvos]))
    /// Read permissions for Samos only.
    public static let samosVolunteer = CurrentUser(
        id: UserID.samosVolunteer, organisationId: Org.aidA,
        permissions: CurrentUser.permissionMap(PermissionCatalogue.reads, baseIds: [BaseID.samos]))
    /// Every permission for Thessaloniki (organisation 2).
    public static let thessalonikiCoordinator = CurrentUser(
        id: UserID.thessalonikiCoordinator, organisationId: Org.aidB, maxBetaLevel: 99,
        permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [BaseID.thessaloniki]))
    /// Read permissions for Lesvos only, every beta feature (mutations fail on permissions).
    public static let lesvosReader = CurrentUser(
        id: UserID.samosVolunteer, organisationId: Org.aidA, maxBetaLevel: 99,
        permissions: CurrentUser.permissionMap(PermissionCatalogue.reads, baseIds: [BaseID.lesvos]))
    /// A user of organisation 1 without any permission.
    public static let nobody = CurrentUser(id: 9, organisationId: Org.aidA)

    /// A fresh database with the schema, reference data and the fixture rows: in memory on
    /// SQLite, or a new database on MariaDB when built with the MySQL trait and
    /// `BOXTRIBUTE_TEST_MYSQL_URL` is set (see ``MySQLTestServer``).
    public static func makeDatabase() async throws -> any Database {
        let logger = Logger.quiet()
        let database = try await makeEmptyDatabase(logger: logger)
        try await SchemaMigrator.migrate(database, logger: logger)
        try await load(into: database)
        return database
    }

    /// A fresh in-memory SQLite database with the fixtures, whatever engine the tests run on
    /// (for tests of SQLite itself, such as its query plans).
    public static func makeSQLiteDatabase() async throws -> SQLiteDatabase {
        let logger = Logger.quiet()
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
        try await SchemaMigrator.migrate(database, logger: logger)
        try await load(into: database)
        return database
    }

    /// A fresh database without schema on the engine the tests run on.
    public static func makeEmptyDatabase(logger: Logger) async throws -> any Database {
        #if MySQL
            if MySQLTestServer.isConfigured { return try await MySQLTestServer.makeEmptyDatabase() }
        #endif
        return try await SQLiteDatabase.open(path: ":memory:", logger: logger)
    }

    /// Inserts the fixture rows (into a migrated database).
    public static func load(into database: any Database) async throws {
        try await database.transaction { connection in
            for statement in statements + transferStatements + distributionStatements + beneficiaryStatements {
                _ = try await connection.execute(statement, [])
            }
        }
    }

    static let statements = [
        "INSERT INTO organisations (id, label) VALUES (1, 'Aid Org A'), (2, 'Aid Org B')",
        """
        INSERT INTO camps (id, name, organisation_id, seq, deleted, currencyname, monetary_currency_code) VALUES
        (1, 'Lesvos', 1, 1, NULL, 'Tokens', 'EUR'), (2, 'Samos', 1, 2, NULL, 'Drops', 'EUR'),
        (3, 'Thessaloniki', 2, 3, NULL, 'Points', 'USD'), (4, 'Closed camp', 1, 4, '2020-01-01 00:00:00', 'Tokens', 'EUR')
        """,
        """
        INSERT INTO cms_users (id, naam, email, lastlogin, lastaction, deleted, valid_firstday, valid_lastday) VALUES
        (1, 'God', 'god@boxtribute.test', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '0000-00-00 00:00:00', NULL, NULL),
        (2, 'Coordinator Lesvos', 'coordinator@lesvos.test', '2024-05-01 08:00:00', '2024-05-01 09:00:00', '0000-00-00 00:00:00', '2024-01-01', '0000-00-00'),
        (3, 'Volunteer Samos', 'volunteer@samos.test', '2024-05-02 08:00:00', '2024-05-02 09:00:00', '0000-00-00 00:00:00', NULL, NULL),
        (4, 'Coordinator Thessaloniki', 'coordinator@thessaloniki.test', '2024-05-03 08:00:00', '2024-05-03 09:00:00', '0000-00-00 00:00:00', NULL, NULL)
        """,
        "INSERT INTO sizegroup (id, label, seq) VALUES (1, 'S, M, L', 1)",
        "INSERT INTO sizes (id, label) VALUES (1, 'S'), (2, 'M'), (3, 'L')",
        "INSERT INTO sizes_sizegroup (size_id, sizegroup_id, seq) VALUES (3, 1, 3), (1, 1, 1), (2, 1, 2)",
        """
        INSERT INTO locations (id, label, camp_id, type, seq, box_state_id, is_market, container_stock, visible, deleted, created, created_by) VALUES
        (1, 'WH Lesvos', 1, 'Warehouse', 1, 1, 0, 1, 1, NULL, '2023-01-01 00:00:00', 2),
        (2, 'Lost Lesvos', 1, 'Warehouse', 2, 2, 0, 0, 0, NULL, NULL, NULL),
        (3, 'Old WH Lesvos', 1, 'Warehouse', 3, 1, 0, 0, 0, '2021-01-01 00:00:00', NULL, NULL),
        (4, 'WH Samos', 2, 'Warehouse', 1, 1, 1, 0, 1, NULL, NULL, NULL),
        (5, 'WH Thessaloniki', 3, 'Warehouse', 1, 1, 0, 0, 1, NULL, NULL, NULL),
        (6, 'Spot Lesvos', 1, 'MapDistroSpot', 4, 1, 0, 0, 1, NULL, NULL, NULL)
        """,
        """
        INSERT INTO standard_product (id, name, category_id, gender_id, size_range_id, version, added_on, added_by, preceded_by_product_id, superceded_by_product_id) VALUES
        (1, 'T-shirt', 3, 3, 1, 1, '2023-01-01 00:00:00', 1, NULL, NULL),
        (2, 'Soap', 10, 10, 1, 2, '2024-01-01 00:00:00', 1, NULL, NULL),
        (3, 'T-shirt', 3, 3, 1, 2, '2024-01-01 00:00:00', 1, 1, NULL)
        """,
        "UPDATE standard_product SET superceded_by_product_id = 3 WHERE id = 1",
        """
        INSERT INTO products (id, name, category_id, gender_id, sizegroup_id, camp_id, value, stockincontainer, comments, deleted, standard_product_id, created, created_by) VALUES
        (1, 'Jeans', 2, 2, 1, 1, 10, 1, 'Blue', NULL, NULL, '2023-02-01 00:00:00', 2),
        (2, 'Rice', 11, 10, 28, 1, 0, 0, NULL, NULL, NULL, '2023-02-01 00:00:00', 2),
        (3, 'Old coat', 6, 1, 1, 1, 5, 0, NULL, '2021-05-05 00:00:00', NULL, NULL, NULL),
        (4, 'T-shirt', 3, 3, 1, 2, 0, 0, '', NULL, 3, '2024-02-01 00:00:00', 3),
        (5, 'Blanket', 13, 10, 1, 3, 0, 0, NULL, NULL, NULL, NULL, NULL)
        """,
        """
        INSERT INTO qr (id, code, created) VALUES
        (1, 'c4ca4238a0b923820dcc509a6f75849b', '2023-12-01 00:00:00'), (2, 'c81e728d9d4c2f636f067f89cc14862c', NULL),
        (3, 'eccbc87e4b5ce2fe28308fd9f2a7baa3', NULL), (4, 'a87ff679a2f3e71d9181a67b7542122c', NULL)
        """,
        """
        INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, qr_id, comments, display_unit_id, measure_value, weight, weight_display_unit_id, monetary_value, deleted, created, created_by, modified, modified_by) VALUES
        (1, '10000001', 1, 2, 10, 1, 1, 1, 'Warm', NULL, NULL, 7.8, 1, 12.5, '0000-00-00 00:00:00', '2024-01-01 10:00:00', 2, '2024-02-01 10:00:00', 2),
        (2, '10000002', 2, NULL, NULL, 1, 1, NULL, NULL, 4, 1.5, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-01-02 10:00:00', 2, '2024-03-01 10:00:00', 2),
        (3, '10000003', 1, 1, 5, 2, 2, NULL, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-01-03 10:00:00', 2, '2024-01-15 10:00:00', 2),
        (4, '10000004', 1, 3, 2, 1, 1, NULL, NULL, NULL, NULL, NULL, 1, NULL, '2024-04-01 00:00:00', '2024-01-04 10:00:00', 2, '2024-04-01 00:00:00', 2),
        (5, '30000001', 5, 1, 20, 5, 1, 2, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-01-05 10:00:00', 4, '2024-01-05 10:00:00', 4),
        (6, '10000006', 1, 2, 8, 1, 7, NULL, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-01-06 10:00:00', 2, '2024-01-20 10:00:00', 2),
        (7, '10000007', 4, 1, 3, 4, 1, 3, NULL, NULL, NULL, NULL, 1, NULL, '0000-00-00 00:00:00', '2024-01-07 10:00:00', 3, '2024-01-07 10:00:00', 3)
        """,
        """
        INSERT INTO history (id, tablename, record_id, changes, user_id, changedate, from_int, to_int) VALUES
        (1, 'stock', 1, 'Record created', 2, '2024-01-01 10:00:00', NULL, NULL),
        (2, 'stock', 1, 'items', 2, '2024-02-01 10:00:00', 12, 10),
        (3, 'stock', 1, 'location_id', 2, '2024-02-01 10:00:00', 2, 1),
        (4, 'stock', 1, 'comments changed from "None" to "Warm";', 2, '2024-02-01 10:00:00', NULL, NULL),
        (5, 'stock', 1, 'New Qr-code assigned by pdf generation.', 2, '2024-01-10 00:00:00', NULL, NULL),
        (6, 'stock', 1, 'size_id', 2, '2024-01-11 00:00:00', NULL, 2),
        (7, 'products', 1, 'Record created', 2, '2023-02-01 00:00:00', NULL, NULL)
        """,
        """
        INSERT INTO tags (id, label, description, color, type, camp_id, deleted, created, created_by) VALUES
        (1, 'Winter', 'Cold season', '#aabbcc', 'Stock', 1, NULL, '2023-06-01 00:00:00', 2),
        (2, 'Family', '', '#112233', 'People', 1, NULL, NULL, NULL),
        (3, 'Urgent', '', '#ff0000', 'All', 1, NULL, NULL, NULL),
        (4, 'Old', '', '#000000', 'Stock', 1, '2023-01-01 00:00:00', NULL, NULL),
        (5, 'North', '', '#00ff00', 'All', 3, NULL, NULL, NULL)
        """,
        """
        INSERT INTO tags_relations (id, object_id, object_type, tag_id, created_on, created_by_id, deleted_on, deleted_by_id) VALUES
        (1, 1, 'Stock', 1, '2024-01-05 00:00:00', 2, NULL, NULL),
        (2, 1, 'Stock', 3, '2024-01-06 00:00:00', 2, '2024-01-07 00:00:00', 2),
        (3, 2, 'Stock', 1, '2024-01-02 10:00:00', 2, NULL, NULL),
        (4, 1, 'Stock', 4, '2024-01-01 10:00:00', 2, NULL, NULL),
        (5, 5, 'Stock', 5, '2024-01-08 00:00:00', 4, NULL, NULL),
        (6, 2, 'Stock', 3, '2024-01-03 00:00:00', 2, NULL, NULL)
        """,
        """
        INSERT INTO transfer_agreement (id, source_organisation_id, target_organisation_id, state, type, requested_on, requested_by, valid_from) VALUES
        (1, 1, 2, 'Accepted', 'Bidirectional', '2023-12-01 00:00:00', 2, '2023-12-01 00:00:00')
        """,
        "INSERT INTO transfer_agreement_detail (id, transfer_agreement_id, source_base_id, target_base_id) VALUES (1, 1, 1, 3)",
        """
        INSERT INTO shipment (id, source_base_id, target_base_id, transfer_agreement_id, state, started_on, started_by_id, sent_on, sent_by_id) VALUES
        (1, 1, 3, 1, 'Sent', '2024-01-19 00:00:00', 2, '2024-01-20 10:00:00', 2)
        """,
        """
        INSERT INTO shipment_detail (id, shipment_id, box_id, source_product_id, source_location_id, source_size_id, source_quantity, created_on, created_by_id) VALUES
        (1, 1, 6, 1, 1, 2, 8, '2024-01-19 00:00:00', 2)
        """,
    ]
}

extension Tagged where RawValue == Int {
    /// ``Fixtures/unknownID`` as an id of this entity.
    public static var unknown: Self { Self(rawValue: Fixtures.unknownID) }
    /// ``Fixtures/anotherUnknownID`` as an id of this entity.
    public static var anotherUnknown: Self { Self(rawValue: Fixtures.anotherUnknownID) }
}
