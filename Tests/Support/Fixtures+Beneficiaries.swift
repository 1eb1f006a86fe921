import BoxtributeDatabase
import BoxtributeDomain

extension Fixtures {
    public enum BeneficiaryID {
        /// Lesvos family head (female, signed, two languages, two transactions, tag Family).
        public static let aisha = 1
        /// Lesvos family member of Aisha (male, not registered, tag Urgent).
        public static let omar = 2
        /// Lesvos, deactivated, volunteer, zero date of birth.
        public static let lena = 3
        /// Samos (tagged with Lesvos' Urgent tag, which the reference does not prevent).
        public static let samir = 4
        /// Thessaloniki.
        public static let nour = 5
    }

    /// Fixture rows of the beneficiary domain, loaded after the core rows.
    static let beneficiaryStatements: [String] = [
        """
        INSERT INTO people (id, parent_id, seq, firstname, lastname, date_of_birth, gender, family_id, container, comments, \
        phone, camp_id, deleted, notregistered, volunteer, approvalsigned, signaturefield, date_of_signature, \
        bicyclebancomment, workshopbancomment, created, created_by, modified, modified_by) VALUES
        (1, NULL, 1, 'Aisha', 'Rahman', '1985-03-15', 'F', 0, 'A1', 'Family head', '+30 690 000 0001', 1, \
        '0000-00-00 00:00:00', 0, 0, 1, 'Aisha R.', '2021-09-09 00:00:00', '', '', '2024-01-10 10:00:00', 2, \
        '2024-01-11 09:00:00', 2),
        (2, 1, 2, 'Omar', 'Rahman', '2015-07-01', 'M', 0, 'A1', NULL, NULL, 1, '0000-00-00 00:00:00', 1, 0, 0, NULL, \
        '0000-00-00 00:00:00', '', '', '2024-01-10 12:00:00', 2, NULL, NULL),
        (3, NULL, 1, 'Lena', 'Weber', '0000-00-00', '', 0, 'B7', 'Moved to Athens', NULL, 1, '2024-03-01 00:00:00', 0, 1, \
        0, NULL, '0000-00-00 00:00:00', '', '', '2024-02-01 00:00:00', 2, '2024-03-01 00:00:00', 2),
        (4, NULL, 1, 'Samir', 'Haddad', '1990-12-31', 'M', 0, 'S1', '', NULL, 2, '0000-00-00 00:00:00', 0, 0, 0, NULL, \
        '0000-00-00 00:00:00', '', '', '2024-01-05 08:00:00', 3, NULL, NULL),
        (5, NULL, 1, 'Nour', 'Khalil', '2000-01-01', 'F', 0, 'T1', NULL, NULL, 3, '0000-00-00 00:00:00', 0, 0, 0, NULL, \
        '0000-00-00 00:00:00', '', '', '2024-01-06 08:00:00', 4, NULL, NULL)
        """,
        "INSERT INTO x_people_languages (people_id, language_id) VALUES (1, 2), (1, 5), (2, 5), (4, 3), (5, 4)",
        """
        INSERT INTO transactions (id, people_id, product_id, count, description, drops, transaction_date, user_id) VALUES
        (1, 1, NULL, 0, 'Monthly tokens', 50, '2024-02-01 10:00:00', 2),
        (2, 1, 2, 2, '', -20, '2024-02-03 11:00:00', 2),
        (3, 4, 4, 1, '', -5, '2024-02-04 12:00:00', 3)
        """,
        """
        INSERT INTO tags_relations (id, object_id, object_type, tag_id, created_on, created_by_id, deleted_on, deleted_by_id) VALUES
        (100, 1, 'People', 2, '2024-01-02 00:00:00', 2, NULL, NULL),
        (101, 2, 'People', 3, '2024-01-02 00:00:00', 2, NULL, NULL),
        (102, 1, 'People', 3, '2024-01-02 00:00:00', 2, '2024-01-03 00:00:00', 2),
        (103, 4, 'People', 3, '2024-01-02 00:00:00', 2, NULL, NULL)
        """,
    ]
}

extension Fixtures {
    /// Rows of the beneficiary mutation suites, loaded on top of the standard fixtures: more
    /// of Aisha's family and a tag for people that was deleted. With the standard rows, the
    /// tags of Lesvos are Winter (boxes), Family (people), Urgent (all), Old (boxes, deleted)
    /// and Former (people, deleted); North (all) belongs to Thessaloniki.
    public enum BeneficiaryMutations {
        public enum BeneficiaryID {
            /// Lesvos, an active member of Aisha's (1) family, speaks French; no tags.
            public static let yara = 300
            /// Lesvos, a member of Aisha's family deactivated on 2024-05-01.
            public static let sami = 301
            /// Lesvos, whose family head is Omar (2), himself a member of Aisha's family.
            public static let nadia = 302
        }

        public enum TagID {
            /// Lesvos, type Beneficiary, deleted on 2024-01-01.
            public static let former: Tag.ID = 300
        }

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
            INSERT INTO people (id, parent_id, seq, firstname, lastname, date_of_birth, gender, family_id, container, comments, \
            phone, camp_id, deleted, notregistered, volunteer, approvalsigned, signaturefield, date_of_signature, \
            bicyclebancomment, workshopbancomment, created, created_by, modified, modified_by) VALUES
            (300, 1, 2, 'Yara', 'Rahman', '2012-04-20', 'F', 0, 'A1', '', NULL, 1, '0000-00-00 00:00:00', 0, 0, 0, NULL, \
            '0000-00-00 00:00:00', '', '', '2024-01-10 12:30:00', 2, NULL, NULL),
            (301, 1, 2, 'Sami', 'Rahman', '2010-02-02', 'M', 0, 'A1', '', NULL, 1, '2024-05-01 00:00:00', 0, 0, 0, NULL, \
            '0000-00-00 00:00:00', '', '', '2024-01-10 12:40:00', 2, '2024-05-01 00:00:00', 2),
            (302, 2, 2, 'Nadia', 'Rahman', '2020-08-08', 'F', 0, 'A1', '', NULL, 1, '0000-00-00 00:00:00', 0, 0, 0, NULL, \
            '0000-00-00 00:00:00', '', '', '2024-01-10 12:50:00', 2, NULL, NULL)
            """,
            "INSERT INTO x_people_languages (people_id, language_id) VALUES (300, 3)",
            """
            INSERT INTO tags (id, label, description, color, type, camp_id, deleted, created, created_by) VALUES
            (300, 'Former', '', '#999999', 'People', 1, '2024-01-01 00:00:00', NULL, NULL)
            """,
        ]
    }
}
