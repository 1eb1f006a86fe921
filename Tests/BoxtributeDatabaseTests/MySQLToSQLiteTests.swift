import Foundation
import Testing

@testable import BoxtributeDatabase

@Suite("MySQLToSQLite")
struct MySQLToSQLiteTests {
    private func stmt(_ text: String, number: Int = 1, line: Int = 1) -> MySQLDumpStatement {
        MySQLDumpStatement(number: number, text: text, line: line)
    }

    private func translate(_ text: String) throws -> [String] {
        try MySQLToSQLite.translate(stmt(text))
    }

    private func translationError(_ text: String, number: Int = 7, line: Int = 100) -> MySQLDumpError? {
        do {
            _ = try MySQLToSQLite.translate(stmt(text, number: number, line: line))
            return nil
        } catch {
            return error
        }
    }

    // MARK: Ignored statements

    @Test func housekeepingTranslatesToNothing() throws {
        for text in [
            "LOCK TABLES `stock` WRITE", "UNLOCK TABLES", "SET NAMES utf8mb4",
            "SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO'",
            "ALTER TABLE `stock` DISABLE KEYS", "ALTER TABLE `stock` ENABLE KEYS",
        ] {
            #expect(try translate(text) == [], "\(text)")
        }
    }

    // MARK: DROP TABLE

    @Test func dropTable() throws {
        #expect(try translate("DROP TABLE IF EXISTS `borrow_items`") == [#"DROP TABLE IF EXISTS "borrow_items""#])
        #expect(try translate("DROP TABLE `a`, `b`") == [#"DROP TABLE "a""#, #"DROP TABLE "b""#])
        #expect(MySQLToSQLite.tableName(of: stmt("DROP TABLE IF EXISTS `x`")) == "x")
    }

    // MARK: CREATE TABLE

    @Test func columnTypesAreMapped() throws {
        let sql = try translate(
            """
            CREATE TABLE `types` (
              `a` tinyint(1) NOT NULL DEFAULT '0',
              `b` smallint unsigned DEFAULT NULL,
              `c` mediumint,
              `d` int(11) unsigned zerofill,
              `e` bigint(20) NOT NULL,
              `f` varchar(255) CHARACTER SET utf8 COLLATE utf8_general_ci NOT NULL DEFAULT '',
              `g` char(2),
              `h` text,
              `i` longtext,
              `j` mediumtext,
              `k` enum('x','y;z'),
              `l` set('p','q'),
              `m` datetime,
              `n` date,
              `o` timestamp NULL DEFAULT NULL,
              `p` time,
              `q` decimal(36,18) unsigned,
              `r` numeric(5,2),
              `s` float,
              `t` double,
              `u` blob,
              `v` varbinary(16),
              `w` binary(4)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_bin ROW_FORMAT=DYNAMIC
            """)
        #expect(
            sql == [
                """
                CREATE TABLE "types" (
                  "a" INTEGER NOT NULL DEFAULT '0',
                  "b" INTEGER DEFAULT NULL,
                  "c" INTEGER,
                  "d" INTEGER,
                  "e" INTEGER NOT NULL,
                  "f" TEXT NOT NULL DEFAULT '',
                  "g" TEXT,
                  "h" TEXT,
                  "i" TEXT,
                  "j" TEXT,
                  "k" TEXT,
                  "l" TEXT,
                  "m" TEXT,
                  "n" TEXT,
                  "o" TEXT DEFAULT NULL,
                  "p" TEXT,
                  "q" NUMERIC,
                  "r" NUMERIC,
                  "s" REAL,
                  "t" REAL,
                  "u" BLOB,
                  "v" BLOB,
                  "w" BLOB
                )
                """
            ])
    }

    @Test func autoIncrementPrimaryKeyAndIndexes() throws {
        let statement = stmt(
            """
            CREATE TABLE `stock` (
              `id` int unsigned NOT NULL AUTO_INCREMENT,
              `box_id` varchar(11) NOT NULL DEFAULT '',
              `location_id` int unsigned NOT NULL,
              `deleted` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
              `created` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'when; created',
              `label` varchar(255) DEFAULT 'it''s',
              PRIMARY KEY (`id`),
              UNIQUE KEY `box_id_unique` (`box_id`),
              KEY `location_id` (`location_id`),
              KEY `label_prefix` (`label`(10),`deleted`),
              CONSTRAINT `stock_ibfk_1` FOREIGN KEY (`location_id`) REFERENCES `locations` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
            ) ENGINE=InnoDB AUTO_INCREMENT=100000364 DEFAULT CHARSET=utf8
            """)
        let translation = try MySQLToSQLite.translateDetailed(statement)
        #expect(translation.kind == .createTable)
        #expect(translation.table == "stock")
        #expect(MySQLToSQLite.createTableName(statement) == "stock")
        #expect(
            translation.statements == [
                """
                CREATE TABLE "stock" (
                  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                  "box_id" TEXT NOT NULL DEFAULT '',
                  "location_id" INTEGER NOT NULL,
                  "deleted" TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
                  "created" TEXT DEFAULT CURRENT_TIMESTAMP,
                  "label" TEXT DEFAULT 'it''s',
                  FOREIGN KEY ("location_id") REFERENCES "locations" ("id") ON DELETE SET NULL ON UPDATE CASCADE
                )
                """,
                #"CREATE UNIQUE INDEX "stock_box_id_unique" ON "stock" ("box_id")"#,
                #"CREATE INDEX "stock_location_id" ON "stock" ("location_id")"#,
                #"CREATE INDEX "stock_label_prefix" ON "stock" ("label", "deleted")"#,
                "INSERT INTO sqlite_sequence (name, seq) SELECT 'stock', 100000363 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'stock')",
            ])
    }

    @Test func compositePrimaryKeyIsATableConstraint() throws {
        let sql = try translate(
            """
            CREATE TABLE `x_people_languages` (
              `people_id` int unsigned NOT NULL,
              `language_id` int unsigned NOT NULL,
              PRIMARY KEY (`people_id`,`language_id`),
              KEY `language_id` (`language_id`),
              CONSTRAINT `x_people_languages_ibfk_1` FOREIGN KEY (`people_id`) REFERENCES `people` (`id`) ON UPDATE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 ROW_FORMAT=DYNAMIC
            """)
        #expect(
            sql == [
                """
                CREATE TABLE "x_people_languages" (
                  "people_id" INTEGER NOT NULL,
                  "language_id" INTEGER NOT NULL,
                  PRIMARY KEY ("people_id", "language_id"),
                  FOREIGN KEY ("people_id") REFERENCES "people" ("id") ON UPDATE CASCADE
                )
                """,
                #"CREATE INDEX "x_people_languages_language_id" ON "x_people_languages" ("language_id")"#,
            ])
    }

    @Test func foreignKeyActions() throws {
        let sql = try translate(
            """
            CREATE TABLE `t` (`a` int, `b` int, `c` int,
              CONSTRAINT `f1` FOREIGN KEY (`a`) REFERENCES `p` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
              CONSTRAINT `f2` FOREIGN KEY (`b`) REFERENCES `p` (`id`) ON DELETE RESTRICT,
              FOREIGN KEY (`c`) REFERENCES `p` (`id`) ON DELETE NO ACTION ON UPDATE SET DEFAULT)
            """)
        #expect(sql[0].contains(#"FOREIGN KEY ("a") REFERENCES "p" ("id") ON DELETE CASCADE ON UPDATE CASCADE"#))
        #expect(sql[0].contains(#"FOREIGN KEY ("b") REFERENCES "p" ("id") ON DELETE RESTRICT"#))
        #expect(sql[0].contains(#"FOREIGN KEY ("c") REFERENCES "p" ("id") ON DELETE NO ACTION ON UPDATE SET DEFAULT"#))
    }

    @Test func autoIncrementWithoutCounterAndNonIdName() throws {
        let sql = try translate(
            """
            CREATE TABLE `numbers` (
              `value` int NOT NULL AUTO_INCREMENT,
              `label` varchar(20) NOT NULL,
              PRIMARY KEY (`value`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8
            """)
        #expect(
            sql == [
                """
                CREATE TABLE "numbers" (
                  "value" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                  "label" TEXT NOT NULL
                )
                """
            ])
    }

    @Test func defaultsKeepLiterals() throws {
        let sql = try translate(
            """
            CREATE TABLE `d` (
              `a` int DEFAULT -1,
              `b` decimal(4,2) DEFAULT '0.5',
              `c` datetime DEFAULT CURRENT_TIMESTAMP(6),
              `d` varchar(5) DEFAULT 'a\\'b',
              `e` tinyint(1) DEFAULT TRUE,
              `f` date DEFAULT '0000-00-00'
            )
            """)
        #expect(sql[0].contains(#""a" INTEGER DEFAULT -1,"#))
        #expect(sql[0].contains(#""b" NUMERIC DEFAULT '0.5',"#))
        #expect(sql[0].contains(#""c" TEXT DEFAULT CURRENT_TIMESTAMP,"#))
        #expect(sql[0].contains(#""d" TEXT DEFAULT 'a''b',"#))
        #expect(sql[0].contains(#""e" INTEGER DEFAULT 1,"#))
        #expect(sql[0].contains(#""f" TEXT DEFAULT '0000-00-00'"#))
    }

    // MARK: INSERT

    @Test func insertStringEscapes() throws {
        let statement = stmt(
            #"""
            INSERT INTO `t` VALUES ('it\'s','x''y',"dq \"q\" 'sq'",'back\\slash','nl\nx','cr\rtab\t','ctl\Z\b','like\%\_','a""b',"c""d")
            """#)
        let translation = try MySQLToSQLite.translateDetailed(statement)
        #expect(translation.kind == .insert)
        #expect(translation.rowCount == 1)
        #expect(
            translation.statements == [
                "INSERT INTO \"t\" VALUES ('it''s','x''y','dq \"q\" ''sq''','back\\slash','nl\nx','cr\rtab\t','ctl\u{1A}\u{08}','like\\%\\_','a\"\"b','c\"d')"
            ])
    }

    @Test func insertNulByteAndBinary() throws {
        #expect(try translate(#"INSERT INTO `t` VALUES ('a\0b')"#) == [#"INSERT INTO "t" VALUES ('a'||char(0)||'b')"#])
        #expect(
            try translate(#"INSERT INTO `t` VALUES (_binary 'A\0\'',0xABC,X'0aff',_utf8mb4'é')"#)
                == [#"INSERT INTO "t" VALUES (X'410027',X'0ABC',X'0aff','é')"#])
    }

    @Test func insertNumbersNullAndColumns() throws {
        let statement = stmt(
            """
            INSERT INTO `standard_product`
            (id,`name`,price)
            VALUES
            (1,"Baby Bibs",-1.5),
            (2,NULL,+3e2),
            (3,'x',.5);
            """)
        let translation = try MySQLToSQLite.translateDetailed(statement)
        #expect(translation.rowCount == 3)
        #expect(translation.table == "standard_product")
        #expect(MySQLToSQLite.tableName(of: statement) == "standard_product")
        #expect(MySQLToSQLite.createTableName(statement) == nil)
        #expect(
            translation.statements == [
                #"INSERT INTO "standard_product" ("id", "name", "price") VALUES (1,'Baby Bibs',-1.5),(2,NULL,3e2),(3,'x',.5)"#
            ])
    }

    @Test func insertIgnoreAndReplace() throws {
        #expect(try translate("INSERT IGNORE INTO `t` VALUES (1)") == [#"INSERT OR IGNORE INTO "t" VALUES (1)"#])
        #expect(try translate("REPLACE INTO `t` VALUES (1)") == [#"INSERT OR REPLACE INTO "t" VALUES (1)"#])
    }

    @Test func identifiersWithQuotes() throws {
        #expect(
            try translate("INSERT INTO `we\"ird``s` (`a\"b`) VALUES (1)") == [
                #"INSERT INTO "we""ird`s" ("a""b") VALUES (1)"#
            ])
    }

    // MARK: Errors

    @Test func unsupportedStatementsThrow() throws {
        for text in [
            "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
            "CREATE VIEW `v` AS SELECT 1",
            "CREATE ALGORITHM=UNDEFINED VIEW `v` AS SELECT 1",
            "CREATE DATABASE `d`",
            "DROP VIEW `v`",
            "ALTER TABLE `t` ADD COLUMN `x` int",
            "UPDATE t SET a = 1",
            "USE `dropapp`",
        ] {
            let error = try #require(translationError(text), "\(text)")
            #expect(error.statementNumber == 7)
            #expect(error.line == 100)
            #expect(error.reason.contains("unsupported"), "\(error)")
        }
    }

    @Test func malformedCreateTableReportsNumberLineAndReason() throws {
        let text = """
            CREATE TABLE `t` (
              `id` int NOT NULL,
              `shape` geometry NOT NULL
            )
            """
        let error = try #require(translationError(text, number: 42, line: 1000))
        #expect(error.statementNumber == 42)
        #expect(error.line == 1002)
        #expect(error.reason.contains("unsupported column type 'geometry'"))
        #expect(error.description == "MySQL dump statement #42 (line 1002): \(error.reason)")
    }

    @Test func malformedInsertsThrow() throws {
        let cases: [(String, String)] = [
            ("INSERT INTO `t` VALUES (1,2),(3)", "row 2 has 1 values, expected 2"),
            ("INSERT INTO `t` (a,b) VALUES (1)", "row 1 has 1 values, expected 2"),
            ("INSERT INTO `t` VALUES (1,NOW())", "unsupported value 'NOW'"),
            ("INSERT INTO `t` VALUES (1,2", "expected ',' or ')'"),
            ("INSERT INTO `t` VALUES (1,'abc)", "unterminated string literal"),
            ("INSERT INTO `t` VALUES (1) ON DUPLICATE KEY UPDATE a=1", "ON DUPLICATE KEY UPDATE"),
            ("INSERT INTO `t` SET a=1", "expected VALUES"),
            ("INSERT INTO `t` VALUES (1) garbage", "after the end of the statement"),
            ("INSERT INTO `t` VALUES (b'101')", "bit-value"),
        ]
        for (text, reason) in cases {
            let error = try #require(translationError(text), "\(text)")
            #expect(error.reason.contains(reason), "\(text) → \(error.reason)")
            #expect(error.statementNumber == 7)
        }
    }

    @Test func malformedCreateTablesThrow() throws {
        let cases: [(String, String)] = [
            (
                "CREATE TABLE `t` (`id` int AUTO_INCREMENT, `x` int, PRIMARY KEY (`id`, `x`))",
                "AUTO_INCREMENT column `id`"
            ),
            ("CREATE TABLE `t` (`id` int, FULLTEXT KEY `f` (`id`))", "FULLTEXT"),
            ("CREATE TABLE `t` (`id` int, CONSTRAINT `c` CHECK (`id` > 0))", "CHECK"),
            ("CREATE TABLE `t` (`id` int GENERATED ALWAYS AS (1))", "GENERATED"),
            ("CREATE TABLE `t` (`id` int) PARTITION BY HASH (`id`)", "unsupported table option 'PARTITION'"),
            ("CREATE TABLE `t` (`id` int DEFAULT (1 + 1))", "expressions as DEFAULT"),
            ("CREATE TABLE `t` LIKE `u`", "LIKE"),
            ("CREATE TABLE `t` (`id` int", "end of the column list"),
        ]
        for (text, reason) in cases {
            let error = try #require(translationError(text), "\(text)")
            #expect(error.reason.contains(reason), "\(text) → \(error.reason)")
        }
    }

    // MARK: Schema file and test vectors (skipped when the files are absent)

    static let initSQL = "/work/shared/data/init.sql"
    static let minimalSQL = "/work/shared/data/minimal.sql"
    /// Found by walking up from this file to the package root; falls back to /work/main.
    static let schemaSQL: String = {
        let relative = "Sources/BoxtributeStorage/Migrations/0001_dropapp_schema.mysql.sql"
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return "/work/main/" + relative
    }()

    private func translateFile(_ path: String) throws -> [String: Int] {
        var reader = try MySQLDumpReader(path: path)
        var rows: [String: Int] = [:]
        while let statement = try reader.next() {
            let translation = try MySQLToSQLite.translateDetailed(statement)
            switch translation.kind {
            case .createTable:
                rows[translation.table ?? "", default: 0] += 0
            case .insert:
                rows[translation.table ?? "", default: 0] += translation.rowCount
            default:
                break
            }
        }
        return rows
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: initSQL)))
    func translatesAllOfInitSQL() throws {
        let rows = try translateFile(Self.initSQL)
        #expect(rows.count == 61)
        #expect(rows.values.reduce(0, +) > 10_000)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: minimalSQL)))
    func translatesAllOfMinimalSQL() throws {
        let rows = try translateFile(Self.minimalSQL)
        #expect(rows.count == 61)
        #expect((rows["standard_product"] ?? 0) > 0)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: schemaSQL)))
    func schemaMigrationTranslatesCleanly() throws {
        let statements = try MySQLDumpReader.statements(atPath: Self.schemaSQL)
        var created: [String] = []
        for statement in statements {
            let translation = try MySQLToSQLite.translateDetailed(statement)
            #expect(translation.kind == .createTable || translation.kind == .dropTable, "\(statement.text.prefix(40))")
            if translation.kind == .createTable, let table = translation.table { created.append(table) }
            // A schema without data must not seed AUTO_INCREMENT counters.
            #expect(!translation.statements.contains { $0.contains("sqlite_sequence") })
        }
        #expect(statements.count == 122)
        #expect(created.count == 61)
        #expect(Set(created).count == 61)
        if FileManager.default.fileExists(atPath: Self.initSQL) {
            let dumpTables = try MySQLDumpReader.statements(atPath: Self.initSQL).compactMap(
                MySQLToSQLite.createTableName)
            #expect(created == dumpTables)
        }
    }
}
