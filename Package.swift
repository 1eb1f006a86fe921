// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "boxtribute",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "boxtribute", targets: ["BoxtributeCLI"]),
        .executable(name: "boxtribute-benchmark", targets: ["BoxtributeBenchmark"]),
        .library(name: "BoxtributeServer", targets: ["BoxtributeServer"]),
    ],
    // `--traits MySQL` builds the MySQL/MariaDB engine, which needs MariaDB Connector/C
    // (Debian: libmariadb-dev); a plain build needs no system packages.
    traits: [
        .trait(name: "MySQL", description: "MySQL/MariaDB engine over MariaDB Connector/C (libmariadb-dev)")
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/GraphQLSwift/GraphQL.git", from: "4.3.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "4.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // Entities, permissions and business rules. No framework imports.
        .target(
            name: "BoxtributeCore",
            swiftSettings: swiftSettings
        ),
        // MariaDB Connector/C, for the MySQL engine (trait `MySQL`).
        .systemLibrary(
            name: "CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        // SQL per entity, dialects, migrations, demo data, dump import.
        .target(
            name: "BoxtributeStorage",
            dependencies: [
                "BoxtributeCore",
                .target(name: "CMariaDB", condition: .when(traits: ["MySQL"])),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Migrations")],
            swiftSettings: swiftSettings
        ),
        // SDL schema, our executor, resolvers per domain.
        .target(
            name: "BoxtributeGraphQL",
            dependencies: [
                "BoxtributeCore",
                "BoxtributeStorage",
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Schema")],
            swiftSettings: swiftSettings
        ),
        // Hummingbird application, authentication, routes, configuration.
        .target(
            name: "BoxtributeServer",
            dependencies: [
                "BoxtributeCore",
                "BoxtributeStorage",
                "BoxtributeGraphQL",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                // Connection guards (timeouts, limits, closing after the response is written).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "BoxtributeCLI",
            dependencies: [
                "BoxtributeServer",
                "BoxtributeStorage",
                "BoxtributeGraphQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Named fixtures shared by the test targets.
        .target(
            name: "BoxtributeTestSupport",
            dependencies: ["BoxtributeCore", "BoxtributeStorage", .product(name: "Logging", package: "swift-log")],
            path: "Tests/Support",
            swiftSettings: swiftSettings
        ),
        // In-process benchmark of the GraphQL layer (`swift run -c release boxtribute-benchmark`).
        .executableTarget(
            name: "BoxtributeBenchmark",
            dependencies: [
                "BoxtributeGraphQL", "BoxtributeStorage", "BoxtributeServer",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeCoreTests",
            dependencies: ["BoxtributeCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeStorageTests",
            dependencies: ["BoxtributeStorage", "BoxtributeTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeGraphQLTests",
            dependencies: [
                "BoxtributeGraphQL", "BoxtributeStorage", "BoxtributeTestSupport",
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeServerTests",
            dependencies: [
                "BoxtributeServer", "BoxtributeTestSupport",
                // Built for the command-line tests, which run the binary.
                "BoxtributeCLI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
