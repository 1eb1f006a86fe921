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
    // Exact versions: an application ships what it was tested with. (Package.resolved, which
    // would pin the packages these depend on too, can't be committed on our build machines:
    // their package mirrors have commit ids of their own.)
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/GraphQLSwift/GraphQL.git", exact: "4.3.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", exact: "5.8.0"),
        .package(url: "https://github.com/apple/swift-collections.git", exact: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/pointfreeco/swift-tagged.git", exact: "0.10.0"),
        // Outgoing HTTP of the operations jobs (Slack webhooks, Auth0 Management API).
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
    ],
    targets: [
        // The domain layer: per domain its entities, rules, repository protocols and services
        // (the one place that checks permissions). No framework imports; `Tagged` types the ids.
        .target(
            name: "BoxtributeDomain",
            dependencies: [.product(name: "Tagged", package: "swift-tagged")],
            swiftSettings: swiftSettings
        ),
        // MariaDB Connector/C, for the MySQL engine (trait `MySQL`).
        .systemLibrary(
            name: "CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        // The SQL engines (SQLite, MySQL), dialects, migrations and the migrator.
        .target(
            name: "BoxtributeDatabase",
            dependencies: [
                "BoxtributeDomain",
                .target(name: "CMariaDB", condition: .when(traits: ["MySQL"])),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Migrations")],
            swiftSettings: swiftSettings
        ),
        // The SQL repositories, one folder per domain, and the request session.
        .target(
            name: "BoxtributeStorage",
            dependencies: ["BoxtributeDomain", "BoxtributeDatabase"],
            swiftSettings: swiftSettings
        ),
        // Data tools for the command line and the tests: demo data and the MySQL dump importer.
        .target(
            name: "BoxtributeDataTools",
            dependencies: [
                "BoxtributeDomain", "BoxtributeDatabase",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // SDL schema, our executor, resolvers per domain.
        .target(
            name: "BoxtributeGraphQL",
            dependencies: [
                "BoxtributeDomain",
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Each domain's SDL files, beside its resolvers (copied to the bundle's top level).
            resources: [
                .copy("Domains/Shared/base.graphql"),
                .copy("Domains/Warehouse/warehouse.graphql"),
                .copy("Domains/Warehouse/warehouse-mutations.graphql"),
                .copy("Domains/Transfers/transfers.graphql"),
                .copy("Domains/Transfers/transfer-mutations.graphql"),
                .copy("Domains/Distribution/distribution.graphql"),
                .copy("Domains/Distribution/distribution-mutations.graphql"),
                .copy("Domains/Beneficiaries/beneficiaries.graphql"),
                .copy("Domains/Beneficiaries/beneficiary-mutations.graphql"),
                .copy("Domains/Public/public.graphql"),
                .copy("Domains/Statistics/data-cubes.graphql"),
                .copy("Domains/Statistics/statistics.graphql"),
                .copy("Domains/Statistics/statistics-mutations.graphql"),
            ],
            swiftSettings: swiftSettings
        ),
        // Operations: the cron jobs, the Auth0 Management API and Slack clients, and the removal
        // of a base's access (`remove-base-access`); used by the server's cron routes and the CLI.
        .target(
            name: "BoxtributeOperations",
            dependencies: [
                "BoxtributeDomain", "BoxtributeDatabase", "BoxtributeStorage", "BoxtributeDataTools",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Hummingbird application, authentication, routes, configuration.
        .target(
            name: "BoxtributeServer",
            dependencies: [
                "BoxtributeDomain",
                "BoxtributeDatabase",
                "BoxtributeStorage",
                "BoxtributeGraphQL",
                "BoxtributeOperations",
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
                // `/metrics`: swift-metrics' API over a Prometheus registry of the app's own.
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The explorer page's script, style sheet and vendored libraries (`ExplorerAssets`).
            resources: [.copy("Explorer/Assets")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "BoxtributeCLI",
            dependencies: [
                "BoxtributeServer",
                "BoxtributeDatabase",
                "BoxtributeStorage",
                "BoxtributeDataTools",
                "BoxtributeGraphQL",
                "BoxtributeOperations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Named fixtures shared by the test targets.
        .target(
            name: "BoxtributeTestSupport",
            dependencies: [
                "BoxtributeDomain", "BoxtributeDatabase", "BoxtributeStorage", "BoxtributeDataTools",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/Support",
            swiftSettings: swiftSettings
        ),
        // In-process benchmark of the GraphQL layer (`swift run -c release boxtribute-benchmark`).
        .executableTarget(
            name: "BoxtributeBenchmark",
            dependencies: [
                "BoxtributeGraphQL", "BoxtributeDatabase", "BoxtributeStorage", "BoxtributeDataTools",
                "BoxtributeServer",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeDomainTests",
            dependencies: ["BoxtributeDomain"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeDatabaseTests",
            dependencies: ["BoxtributeDatabase", "BoxtributeTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeDataToolsTests",
            dependencies: ["BoxtributeDatabase", "BoxtributeStorage", "BoxtributeDataTools", "BoxtributeTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeStorageTests",
            dependencies: ["BoxtributeDatabase", "BoxtributeStorage", "BoxtributeDataTools", "BoxtributeTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeGraphQLTests",
            dependencies: [
                "BoxtributeGraphQL", "BoxtributeDatabase", "BoxtributeStorage", "BoxtributeDataTools",
                "BoxtributeTestSupport",
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BoxtributeServerTests",
            dependencies: [
                "BoxtributeServer", "BoxtributeDatabase", "BoxtributeDataTools", "BoxtributeTestSupport",
                "BoxtributeOperations", "BoxtributeStorage",
                // Built for the command-line tests, which run the binary.
                "BoxtributeCLI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
