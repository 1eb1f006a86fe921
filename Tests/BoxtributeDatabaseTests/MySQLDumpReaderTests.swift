import Foundation
import Testing

@testable import BoxtributeDatabase

@Suite("MySQLDumpReader")
struct MySQLDumpReaderTests {
    private func texts(_ dump: String) throws -> [String] {
        try MySQLDumpReader.statements(in: dump).map(\.text)
    }

    private func readError(_ dump: String) -> MySQLDumpError? {
        do {
            _ = try MySQLDumpReader.statements(in: dump)
            return nil
        } catch {
            return error
        }
    }

    @Test func splitsOnSemicolons() throws {
        let statements = try MySQLDumpReader.statements(in: "SELECT 1;\n\nSELECT\n  2 ;  SELECT 3;\n")
        #expect(statements.map(\.text) == ["SELECT 1", "SELECT\n  2", "SELECT 3"])
        #expect(statements.map(\.number) == [1, 2, 3])
        #expect(statements.map(\.line) == [1, 3, 4])
    }

    @Test func semicolonsAndCommentMarkersInsideStrings() throws {
        let dump = """
            INSERT INTO t VALUES ('a;b','-- no','# no','/* no */',"c;d",`we;ird`);
            SELECT 2;
            """
        #expect(
            try texts(dump) == [
                "INSERT INTO t VALUES ('a;b','-- no','# no','/* no */',\"c;d\",`we;ird`)",
                "SELECT 2",
            ])
    }

    @Test func escapedQuotes() throws {
        let dump = #"""
            INSERT INTO t VALUES ('it\'s; ok','it''s; ok',"say \"hi\"; ok","x"";y",'C:\\');
            INSERT INTO t VALUES (`a``;b`);
            """#
        #expect(
            try texts(dump) == [
                #"INSERT INTO t VALUES ('it\'s; ok','it''s; ok',"say \"hi\"; ok","x"";y",'C:\\')"#,
                "INSERT INTO t VALUES (`a``;b`)",
            ])
    }

    @Test func multiLineStringsCountLines() throws {
        let statements = try MySQLDumpReader.statements(in: "SELECT 'a\nb\nc';\nSELECT 2;")
        #expect(statements.map(\.line) == [1, 4])
        #expect(statements[0].text == "SELECT 'a\nb\nc'")
    }

    @Test func commentsAreRemoved() throws {
        let dump = """
            -- header; with semicolon
            # hash comment; too
            /* block ; comment
               over lines */
            SELECT 1; -- trailing
            SELECT /* inline; */ 2;
            SELECT 5--1;
            SELECT 3 --
            ;
            """
        let statements = try MySQLDumpReader.statements(in: dump)
        #expect(statements.map(\.text) == ["SELECT 1", "SELECT   2", "SELECT 5--1", "SELECT 3"])
        #expect(statements.map(\.line) == [5, 6, 7, 8])
    }

    @Test func conditionalCommentsAreSkipped() throws {
        let dump = """
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
            /*!40103 SET TIME_ZONE='+00:00' */;
            /*!40000 ALTER TABLE `t` DISABLE KEYS */;
            INSERT INTO `t` VALUES (1);
            /*!40000 ALTER TABLE `t` ENABLE KEYS */;
            /*!40101 SET character_set_client = @saved_cs_client */;
            """
        let statements = try MySQLDumpReader.statements(in: dump)
        #expect(statements == [MySQLDumpStatement(number: 1, text: "INSERT INTO `t` VALUES (1)", line: 4)])
    }

    @Test func conditionalContentThatIsNotHousekeepingIsYielded() throws {
        let dump = """
            /*!50001 CREATE VIEW `v` AS SELECT 1 */;
            CREATE DATABASE /*!32312 IF NOT EXISTS*/ `d`;
            """
        let statements = try MySQLDumpReader.statements(in: dump)
        #expect(statements.count == 2)
        #expect(statements[0].text == "CREATE VIEW `v` AS SELECT 1")
        #expect(statements[1].text.split(separator: " ").joined(separator: " ") == "CREATE DATABASE IF NOT EXISTS `d`")
    }

    @Test func delimiterBlocksAreSkipped() throws {
        let dump = """
            SELECT 1;
            DELIMITER ;;
            CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = ';'; END ;;
            DELIMITER ;
            SELECT 2;
            """
        let statements = try MySQLDumpReader.statements(in: dump)
        #expect(statements.map(\.text) == ["SELECT 1", "SELECT 2"])
        #expect(statements.map(\.number) == [1, 2])
        #expect(statements.map(\.line) == [1, 5])
    }

    @Test func truncatedFinalStatement() throws {
        let error = try #require(readError("SELECT 1;\nSELECT 2;\n\nINSERT INTO t VALUES (1)\n"))
        #expect(error.statementNumber == 3)
        #expect(error.line == 4)
        #expect(error.reason.contains("truncated"))
    }

    @Test func unterminatedString() throws {
        let error = try #require(readError("SELECT 1;\nINSERT INTO t VALUES ('abc);\nSELECT 3;\n"))
        #expect(error.statementNumber == 2)
        #expect(error.line == 2)
        #expect(error.reason.contains("unterminated string"))
        #expect(error.description.contains("#2"))
    }

    @Test func unterminatedComments() throws {
        let block = try #require(readError("SELECT 1;\n/* never closed\nSELECT 2;"))
        #expect(block.statementNumber == 2)
        #expect(block.line == 2)
        let conditional = try #require(readError("/*!40101 SET NAMES utf8 ;"))
        #expect(conditional.reason.contains("conditional"))
    }

    @Test func whitespaceOnlyTailIsFine() throws {
        #expect(try texts("SELECT 1;\n-- done\n\n").count == 1)
        #expect(try texts("").isEmpty)
        #expect(try texts(";;\n;").isEmpty)
    }

    @Test func chunkedFileReadingMatchesInMemory() throws {
        let dump = """
            -- comment
            INSERT INTO `t` VALUES ('a;b\\'c',"d""e"),(2,'-- x');
            /*!40101 SET NAMES utf8 */;
            DELIMITER ;;
            CREATE TRIGGER x BEGIN SELECT 1; END;;
            DELIMITER ;
            CREATE TABLE `u` (`id` int);
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dumpreader-\(UUID().uuidString).sql")
        try Data(dump.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = try MySQLDumpReader.statements(in: dump)
        #expect(expected.count == 2)
        for chunk in [16, 17, 64, 4096] {
            var reader = try MySQLDumpReader(path: url.path, chunkSize: chunk)
            #expect(try reader.readAll() == expected)
        }
    }

    @Test func missingFileThrows() {
        #expect(throws: MySQLDumpError.self) {
            _ = try MySQLDumpReader(path: "/nonexistent/dump.sql")
        }
    }

    // MARK: - Test vectors (skipped when /work/shared is absent)

    static let initSQL = "/work/shared/data/init.sql"
    static let minimalSQL = "/work/shared/data/minimal.sql"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: initSQL)))
    func initSQLStatementKinds() throws {
        let statements = try MySQLDumpReader.statements(atPath: Self.initSQL)
        var kinds: [String: Int] = [:]
        for s in statements {
            let words = s.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(2).joined(separator: " ")
            kinds[words, default: 0] += 1
        }
        #expect(
            kinds == ["DROP TABLE": 61, "CREATE TABLE": 61, "LOCK TABLES": 61, "UNLOCK TABLES": 61, "INSERT INTO": 43])
        #expect(statements.map(\.number) == Array(1...statements.count))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: minimalSQL)))
    func smallChunksMatchWholeFile() throws {
        for path in [Self.minimalSQL, Self.initSQL] where FileManager.default.fileExists(atPath: path) {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            var inMemory = MySQLDumpReader(data: data)
            var chunked = try MySQLDumpReader(path: path, chunkSize: 1000)
            #expect(try chunked.readAll() == inMemory.readAll())
        }
    }
}
