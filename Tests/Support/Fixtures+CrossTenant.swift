import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

extension Fixtures {
    /// Bases, users and rows of the cross-tenant suite, loaded on top of the standard fixtures.
    ///
    /// Two bases that nothing links to Lesvos: Lampedusa of a third organisation (no transfer
    /// agreement, no shipment) and Leros, a base of Lesvos' own organisation. Lesvos gets the
    /// rows a mutation needs to succeed when its coordinator sends it: a shipment in
    /// preparation to Samos, agreements under review from Thessaloniki, an instantiation of a
    /// standard product, a custom product without boxes and a standard product to enable.
    public enum CrossTenant {
        public static let organisation = 3
        public static let lampedusa: Base.ID = 5, leros: Base.ID = 6
        /// Shipments in preparation, Lesvos → Samos.
        public static let preparingShipment = 4, shipmentToSend = 5
        /// Agreements under review, Thessaloniki sends to Lesvos.
        public static let agreementToAccept = 4, agreementToReject = 5
        public static let soapInstantiation: Product.ID = 70, scarf: Product.ID = 71
        /// A standard product of the latest version that no base has enabled.
        public static let towel = 4

        /// Every permission for Lampedusa (organisation 3).
        public static let lampedusaCoordinator = CurrentUser(
            id: 5, organisationId: organisation, maxBetaLevel: 99,
            permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [lampedusa]))
        /// Every permission for Leros (organisation 1, like Lesvos).
        public static let lerosCoordinator = CurrentUser(
            id: 6, organisationId: Org.aidA, maxBetaLevel: 99,
            permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [leros]))
        /// A Lesvos user who may read the base itself and the base-agnostic resources, nothing
        /// base-scoped besides `base:read`.
        public static let lesvosBaseReader = CurrentUser(
            id: 7, organisationId: Org.aidA, maxBetaLevel: 99,
            permissions: CurrentUser.permissionMap(
                ["base:read"]
                    + PermissionCatalogue.reads.filter { permission in
                        Resource.baseAgnostic.contains(String(permission.prefix { $0 != ":" }))
                    },
                baseIds: [BaseID.lesvos]))

        /// A fresh database with the standard fixtures and the rows above.
        public static func makeDatabase() async throws -> any Database {
            let database = try await Fixtures.makeDatabase()
            try await database.transaction { connection in
                for statement in statements { _ = try await connection.execute(statement, []) }
            }
            return database
        }

        static let statements = [
            "INSERT INTO organisations (id, label) VALUES (3, 'Aid Org C')",
            """
            INSERT INTO camps (id, name, organisation_id, seq, deleted, currencyname, monetary_currency_code) VALUES
            (5, 'Lampedusa', 3, 5, NULL, 'Tokens', 'EUR'), (6, 'Leros', 1, 6, NULL, 'Tokens', 'EUR')
            """,
            """
            INSERT INTO cms_users (id, naam, email, lastlogin, lastaction, deleted, valid_firstday, valid_lastday) VALUES
            (5, 'Coordinator Lampedusa', 'coordinator@lampedusa.test', '2024-05-01 08:00:00', '2024-05-01 09:00:00', '0000-00-00 00:00:00', NULL, NULL),
            (6, 'Coordinator Leros', 'coordinator@leros.test', '2024-05-01 08:00:00', '2024-05-01 09:00:00', '0000-00-00 00:00:00', NULL, NULL),
            (7, 'Base reader Lesvos', 'reader@lesvos.test', '2024-05-01 08:00:00', '2024-05-01 09:00:00', '0000-00-00 00:00:00', NULL, NULL)
            """,
            """
            INSERT INTO products (id, name, category_id, gender_id, sizegroup_id, camp_id, value, stockincontainer, comments, deleted, standard_product_id, created, created_by) VALUES
            (70, 'Soap', 10, 10, 1, 1, 0, 0, NULL, NULL, 2, '2024-02-01 00:00:00', 2),
            (71, 'Scarf', 1, 2, 1, 1, 3, 0, NULL, NULL, NULL, '2024-02-01 00:00:00', 2)
            """,
            """
            INSERT INTO shipment (id, source_base_id, target_base_id, transfer_agreement_id, state, started_on, started_by_id) VALUES
            (4, 1, 2, NULL, 'Preparing', '2024-04-01 08:00:00', 2), (5, 1, 2, NULL, 'Preparing', '2024-04-02 08:00:00', 2)
            """,
            """
            INSERT INTO standard_product (id, name, category_id, gender_id, size_range_id, version, added_on, added_by) VALUES
            (4, 'Towel', 10, 10, 1, 2, '2024-01-01 00:00:00', 1)
            """,
            """
            INSERT INTO transfer_agreement (id, source_organisation_id, target_organisation_id, state, type, requested_on, requested_by, valid_from) VALUES
            (4, 2, 1, 'UnderReview', 'SendingTo', '2024-02-01 09:00:00', 4, '2024-02-01 00:00:00'),
            (5, 2, 1, 'UnderReview', 'SendingTo', '2024-02-01 09:00:00', 4, '2024-02-01 00:00:00')
            """,
            "INSERT INTO transfer_agreement_detail (id, transfer_agreement_id, source_base_id, target_base_id) VALUES (5, 4, 3, 1), (6, 5, 3, 1)",
        ]
    }
}
