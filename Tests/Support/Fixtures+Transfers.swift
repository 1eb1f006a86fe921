import BoxtributeDomain

extension Fixtures {
    /// Ids of the transfer rows (agreement 1, shipment 1 and detail 1 are core rows).
    public enum TransferID {
        /// Accepted, bidirectional, Lesvos (org A) ↔ Thessaloniki (org B).
        public static let acceptedAgreement = 1
        /// Under review, Thessaloniki sends to Lesvos and the closed base.
        public static let agreementUnderReview = 2
        /// Canceled, Samos ↔ Thessaloniki (does not touch Lesvos).
        public static let canceledAgreement = 3
        /// Sent, Lesvos → Thessaloniki, box 6 travelling.
        public static let sentShipment = 1
        /// Completed, Lesvos → Samos without agreement: box 7 received, box 1 removed, box 3 lost.
        public static let completedShipment = 2
        /// Canceled, Samos → Thessaloniki under agreement 3: box 7 removed.
        public static let canceledShipment = 3
        /// Products of Thessaloniki instantiating standard product 3 (60 deleted, 61 active).
        public static let deletedTShirt: Product.ID = 60, thessalonikiTShirt: Product.ID = 61
    }

    /// Ids of the shipment details: box 6 in transit (sent shipment 1); box 7 received, box 1
    /// removed and box 3 lost in the completed shipment 2; box 7 removed from the canceled shipment 3.
    public enum ShipmentDetailID { public static let inTransit = 1, received = 2, removed = 3, lost = 5, canceled = 4 }

    /// Fixture rows of the transfer domain, loaded after the core rows.
    static let transferStatements: [String] = [
        """
        INSERT INTO transfer_agreement (id, source_organisation_id, target_organisation_id, state, type, requested_on, requested_by, accepted_on, accepted_by, terminated_on, terminated_by, valid_from, valid_until, comment) VALUES
        (2, 2, 1, 'UnderReview', 'SendingTo', '2024-02-01 09:00:00', 4, NULL, NULL, NULL, NULL, '2024-02-01 00:00:00', '2024-12-31 23:59:59', 'Winter clothes'),
        (3, 1, 2, 'Canceled', 'ReceivingFrom', '2024-01-10 00:00:00', 4, '2024-01-11 00:00:00', 3, '2024-03-05 00:00:00', 3, '2024-01-10 00:00:00', NULL, NULL)
        """,
        """
        INSERT INTO transfer_agreement_detail (id, transfer_agreement_id, source_base_id, target_base_id) VALUES
        (2, 2, 3, 1), (3, 2, 3, 4), (4, 3, 2, 3)
        """,
        """
        INSERT INTO shipment (id, source_base_id, target_base_id, transfer_agreement_id, state, started_on, started_by_id, canceled_on, canceled_by_id, sent_on, sent_by_id, receiving_started_on, receiving_started_by_id, completed_on, completed_by_id) VALUES
        (2, 1, 2, NULL, 'Completed', '2024-02-01 08:00:00', 2, NULL, NULL, '2024-02-02 08:00:00', 2, '2024-02-03 08:00:00', 3, '2024-02-03 09:00:00', 3),
        (3, 2, 3, 3, 'Canceled', '2024-03-01 08:00:00', 3, '2024-03-02 08:00:00', 3, NULL, NULL, NULL, NULL, NULL, NULL)
        """,
        """
        INSERT INTO shipment_detail (id, shipment_id, box_id, source_product_id, target_product_id, source_location_id, target_location_id, source_size_id, target_size_id, source_quantity, target_quantity, created_on, created_by_id, removed_on, removed_by_id, lost_on, lost_by_id, received_on, received_by_id) VALUES
        (2, 2, 7, 1, 4, 1, 4, 1, 1, 3, 3, '2024-02-01 08:10:00', 2, NULL, NULL, NULL, NULL, '2024-02-03 08:30:00', 3),
        (3, 2, 1, 1, NULL, 1, NULL, 2, NULL, 10, NULL, '2024-02-01 08:20:00', 2, '2024-02-01 08:25:00', 2, NULL, NULL, NULL, NULL),
        (4, 3, 7, 4, NULL, 4, NULL, 1, NULL, 3, NULL, '2024-03-01 08:10:00', 3, '2024-03-02 08:00:00', 3, NULL, NULL, NULL, NULL),
        (5, 2, 3, 1, NULL, 2, NULL, 1, NULL, 5, NULL, '2024-02-01 08:30:00', 2, NULL, NULL, '2024-02-03 08:40:00', 3, NULL, NULL)
        """,
        """
        INSERT INTO products (id, name, category_id, gender_id, sizegroup_id, camp_id, value, stockincontainer, comments, deleted, standard_product_id, created, created_by) VALUES
        (60, 'T-shirt (old)', 3, 3, 1, 3, 0, 0, NULL, '2024-01-01 00:00:00', 3, NULL, NULL),
        (61, 'T-shirt', 3, 3, 1, 3, 0, 0, NULL, NULL, 3, NULL, NULL)
        """,
    ]
}
