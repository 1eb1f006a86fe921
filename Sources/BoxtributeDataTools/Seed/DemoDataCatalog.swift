import BoxtributeDatabase

/// The fixed (non-random) content of the demo dataset: organisations, bases, users, size
/// ranges, the standard-product catalogue, and the per-base layouts of locations, products
/// and tags. Everything here is our own invention, shaped like Boxtribute's fake data.
enum DemoCatalog {
    // MARK: Organisations, bases, users

    static let organisations: [DemoDataSummary.Organisation] = [
        .init(id: 1, name: "Aegean Aid"),
        .init(id: 2, name: "Northern Relief"),
        .init(id: 3, name: "Open Hands Collective"),
    ]

    static let bases: [DemoDataSummary.Base] = [
        .init(id: 1, name: "Mytilene", organisationId: 1, isDeleted: false, currencyName: "Tokens"),
        .init(id: 2, name: "Chios", organisationId: 1, isDeleted: false, currencyName: "Tokens"),
        .init(id: 3, name: "Kavala", organisationId: 2, isDeleted: false, currencyName: "Points"),
        .init(id: 4, name: "Ioannina", organisationId: 2, isDeleted: true, currencyName: "Points"),
        .init(id: 5, name: "Calais", organisationId: 3, isDeleted: false, currencyName: "Drops"),
    ]

    /// Share links of each active base (the reference's generator makes 25).
    static let shareableLinksPerBase = 25

    /// Share of the boxes per base (the deleted base gets none).
    static let boxWeights: [Int: Int] = [1: 40, 2: 20, 3: 25, 4: 0, 5: 15]

    /// Beneficiaries per active base.
    static let peoplePerBase = 50

    static let users: [DemoDataSummary.User] = {
        var users: [DemoDataSummary.User] = [
            .init(
                id: 1, name: "Demo God", email: "god@demo.boxtribute.org", role: .god, baseId: nil, organisationId: nil)
        ]
        for base in bases {
            users.append(
                .init(
                    id: coordinatorId(ofBase: base.id), name: "\(base.name) Coordinator",
                    email: "coordinator.base\(base.id)@demo.boxtribute.org", role: .coordinator, baseId: base.id,
                    organisationId: base.organisationId))
            users.append(
                .init(
                    id: volunteerId(ofBase: base.id), name: "\(base.name) Volunteer",
                    email: "volunteer.base\(base.id)@demo.boxtribute.org", role: .volunteer, baseId: base.id,
                    organisationId: base.organisationId))
        }
        return users
    }()

    static func coordinatorId(ofBase base: Int) -> Int { 2 * base }
    static func volunteerId(ofBase base: Int) -> Int { 2 * base + 1 }

    // MARK: Size ranges (sizegroup 1...27; 28 Mass and 29 Volume come from migration 0002)

    struct SizeRange {
        let id: Int
        let label: String
        let sizes: [String]
    }

    static let sizeRanges: [SizeRange] = [
        .init(id: 1, label: "XS, S, M, L, XL, XXL", sizes: ["XS", "S", "M", "L", "XL", "XXL"]),
        .init(id: 2, label: "S, M, L", sizes: ["S", "M", "L"]),
        .init(id: 3, label: "One size", sizes: ["One size"]),
        .init(id: 4, label: "Mixed sizes", sizes: ["Mixed"]),
        .init(
            id: 5, label: "Baby by month (0-6, 7-12, 13-18, 19-24)", sizes: ["0-6 m", "7-12 m", "13-18 m", "19-24 m"]),
        .init(id: 6, label: "Baby by month (0-3, 3-6, 6-12, 12-24)", sizes: ["0-3 m", "3-6 m", "6-12 m", "12-24 m"]),
        .init(
            id: 7, label: "Children by year (2-3, 4-5, 6-8, 9-12, 13-15)",
            sizes: ["2-3 y", "4-5 y", "6-8 y", "9-12 y", "13-15 y"]),
        .init(id: 8, label: "Children by year (2-5, 6-10, 11-15)", sizes: ["2-5 y", "6-10 y", "11-15 y"]),
        .init(id: 9, label: "Children by year (individual years)", sizes: (1...15).map { "\($0) y" }),
        .init(id: 10, label: "Shoe sizes Women (35-42)", sizes: (35...42).map { "EU \($0)" }),
        .init(id: 11, label: "Shoe sizes Men (39-47)", sizes: (39...47).map { "EU \($0)" }),
        .init(id: 12, label: "Shoe sizes Children (24-34)", sizes: (24...34).map { "EU \($0)" }),
        .init(id: 13, label: "All shoe sizes (22-48)", sizes: (22...48).map { "EU \($0)" }),
        .init(
            id: 14, label: "Sock sizes",
            sizes: ["Socks 23-26", "Socks 27-34", "Socks 35-38", "Socks 39-42", "Socks 43-46"]),
        .init(
            id: 15, label: "Bra sizes", sizes: ["70A", "70B", "75A", "75B", "75C", "80B", "80C", "85C", "85D", "90D"]),
        .init(id: 16, label: "Diaper sizes", sizes: (1...6).map { "Diaper \($0)" }),
        .init(
            id: 17, label: "Trousers Women (EU 34-46)", sizes: stride(from: 34, through: 46, by: 2).map { "EU \($0)" }),
        .init(id: 18, label: "Trousers Men (W28-W40)", sizes: stride(from: 28, through: 40, by: 2).map { "W\($0)" }),
        .init(id: 19, label: "Singlepack, Multipack", sizes: ["Singlepack", "Multipack"]),
        .init(
            id: 20, label: "Pack of 5-20, Pack of 21+, Bulk (100+)",
            sizes: ["Pack of 5-20", "Pack of 21+", "Bulk (100+)"]),
        .init(id: 21, label: "Hat sizes", sizes: ["Hat S", "Hat M", "Hat L"]),
        .init(id: 22, label: "Glove sizes", sizes: ["Glove 6", "Glove 7", "Glove 8", "Glove 9", "Glove 10"]),
        .init(id: 23, label: "Teens (12-14, 15-17)", sizes: ["12-14 y", "15-17 y"]),
        .init(id: 24, label: "XS to 3XL", sizes: ["XS", "S", "M", "L", "XL", "XXL", "3XL"]),
        .init(id: 25, label: "Plus sizes (XXL-5XL)", sizes: ["XXL", "3XL", "4XL", "5XL"]),
        .init(id: 26, label: "Bedding (single, double)", sizes: ["Single", "Double"]),
        .init(id: 27, label: "Tent capacity", sizes: ["1-2 persons", "3-4 persons", "5+ persons"]),
    ]

    static let massRange = 28
    static let volumeRange = 29

    // MARK: Standard products ("ASSORT"-like catalogue)

    struct StandardProduct {
        let name: String
        let category: Int
        let gender: Int
        let sizeRange: Int
    }

    /// Version 1 (ids 1...30).
    static let standardV1: [StandardProduct] = [
        .init(name: "Baby onesies", category: 8, gender: 9, sizeRange: 5),
        .init(name: "Baby blankets", category: 8, gender: 9, sizeRange: 3),
        .init(name: "T-shirts", category: 3, gender: 1, sizeRange: 1),
        .init(name: "T-shirts", category: 3, gender: 2, sizeRange: 1),
        .init(name: "T-shirts", category: 3, gender: 6, sizeRange: 7),
        .init(name: "Sweaters", category: 3, gender: 1, sizeRange: 1),
        .init(name: "Sweaters", category: 3, gender: 2, sizeRange: 1),
        .init(name: "Trousers", category: 2, gender: 1, sizeRange: 17),
        .init(name: "Trousers", category: 2, gender: 2, sizeRange: 18),
        .init(name: "Leggings", category: 2, gender: 4, sizeRange: 7),
        .init(name: "Shorts", category: 2, gender: 5, sizeRange: 7),
        .init(name: "Winter jackets", category: 6, gender: 1, sizeRange: 1),
        .init(name: "Winter jackets", category: 6, gender: 2, sizeRange: 1),
        .init(name: "Rain jackets", category: 6, gender: 3, sizeRange: 24),
        .init(name: "Bras", category: 1, gender: 1, sizeRange: 15),
        .init(name: "Underwear", category: 1, gender: 4, sizeRange: 7),
        .init(name: "Socks", category: 4, gender: 3, sizeRange: 14),
        .init(name: "Winter hats", category: 4, gender: 3, sizeRange: 21),
        .init(name: "Gloves", category: 4, gender: 3, sizeRange: 22),
        .init(name: "Scarves", category: 4, gender: 3, sizeRange: 3),
        .init(name: "Sneakers", category: 5, gender: 1, sizeRange: 10),
        .init(name: "Sneakers", category: 5, gender: 2, sizeRange: 11),
        .init(name: "Sandals", category: 5, gender: 6, sizeRange: 12),
        .init(name: "Dresses", category: 7, gender: 1, sizeRange: 1),
        .init(name: "Diapers", category: 10, gender: 10, sizeRange: 16),
        .init(name: "Sanitary pads", category: 10, gender: 10, sizeRange: 19),
        .init(name: "Toothbrushes", category: 10, gender: 10, sizeRange: 19),
        .init(name: "Sleeping bags", category: 20, gender: 10, sizeRange: 3),
        .init(name: "Flour", category: 11, gender: 10, sizeRange: 28),
        .init(name: "Fruit juice", category: 11, gender: 10, sizeRange: 29),
    ]

    /// Version 2 (ids 31...60): a re-issue of the whole catalogue, since the API's "latest
    /// catalogue" is every row with the highest version. Each entry names the version-1
    /// index (0-based) it supersedes, or `nil` for new entries. Version-1 "Scarves" and
    /// "Fruit juice" have no successor (deprecated only).
    static let standardV2: [(product: StandardProduct, replaces: Int?)] = {
        var entries: [(product: StandardProduct, replaces: Int?)] = []
        for (index, product) in standardV1.enumerated() where ![19, 29].contains(index) {
            let next: StandardProduct
            switch index {
            case 2: next = .init(name: "T-shirts", category: 3, gender: 1, sizeRange: 24)
            case 13: next = .init(name: "Rain jackets / ponchos", category: 6, gender: 3, sizeRange: 24)
            case 15: next = .init(name: "Underwear", category: 1, gender: 4, sizeRange: 9)
            case 20: next = .init(name: "Sports shoes", category: 5, gender: 1, sizeRange: 10)
            default: next = product
            }
            entries.append((next, index))
        }
        entries.append((.init(name: "Hygiene kits", category: 10, gender: 10, sizeRange: 19), nil))
        entries.append((.init(name: "Rice", category: 11, gender: 10, sizeRange: 28), nil))
        return entries
    }()

    static var standardV1Ids: ClosedRange<Int> { 1...standardV1.count }
    static func standardV2Id(_ index: Int) -> Int { standardV1.count + 1 + index }

    // MARK: Per-base layouts

    struct Location {
        let label: String
        let boxState: Int
        var isStockroom = false
        var isShop = false
        var isDeleted = false
        var isDistributionSpot = false
        var description: String?
    }

    /// Every base gets these locations, in this order (ids `(base - 1) * count + 1 ...`).
    static let locations: [Location] = [
        .init(label: "Stockroom", boxState: 1, isStockroom: true, description: "Ready for the free shop"),
        .init(label: "Warehouse A", boxState: 1, description: "Main hall, shelves 1-40"),
        .init(label: "Warehouse B", boxState: 1),
        .init(label: "Container 3", boxState: 1, description: "Seasonal overflow"),
        .init(label: "Free Shop", boxState: 5, isShop: true),
        .init(label: "Lost boxes", boxState: 2),
        .init(label: "Scrap & recycling", boxState: 6),
        .init(label: "Old warehouse", boxState: 1, isDeleted: true),
        .init(label: "Harbour square", boxState: 1, isDistributionSpot: true),
    ]
    static let inStockLocationIndices = [0, 1, 2, 3]
    static let donatedLocationIndex = 4
    static let lostLocationIndex = 5
    static let scrapLocationIndex = 6

    static func locationId(base: Int, index: Int) -> Int { (base - 1) * locations.count + index + 1 }

    struct CustomProduct {
        let name: String
        let category: Int
        let gender: Int
        let sizeRange: Int
        let price: Int
        var inShop = false
        var comment: String?
        var isDeleted = false
    }

    /// Custom products of every base, in this order (first in each base's product block).
    static let customProducts: [CustomProduct] = [
        .init(name: "T-Shirts", category: 3, gender: 1, sizeRange: 1, price: 5, inShop: true),
        .init(name: "T-Shirts", category: 3, gender: 2, sizeRange: 1, price: 5, inShop: true),
        .init(name: "T-Shirts", category: 3, gender: 6, sizeRange: 7, price: 3),
        .init(name: "Trousers", category: 2, gender: 1, sizeRange: 17, price: 10),
        .init(name: "Trousers", category: 2, gender: 2, sizeRange: 18, price: 10),
        .init(name: "Jeans", category: 2, gender: 6, sizeRange: 8, price: 8),
        .init(name: "Jackets", category: 6, gender: 1, sizeRange: 1, price: 20, comment: "Light jackets only"),
        .init(name: "Jackets", category: 6, gender: 2, sizeRange: 1, price: 20),
        .init(name: "Winter jackets", category: 6, gender: 6, sizeRange: 7, price: 15),
        .init(name: "Underwear", category: 1, gender: 1, sizeRange: 2, price: 2, inShop: true, comment: "New only"),
        .init(name: "Underwear", category: 1, gender: 2, sizeRange: 2, price: 2, inShop: true, comment: "New only"),
        .init(name: "Socks", category: 4, gender: 3, sizeRange: 14, price: 1, inShop: true),
        .init(name: "Hats & scarves", category: 4, gender: 3, sizeRange: 3, price: 3),
        .init(name: "Shoes", category: 5, gender: 1, sizeRange: 10, price: 15),
        .init(name: "Shoes", category: 5, gender: 2, sizeRange: 11, price: 15),
        .init(name: "Shoes", category: 5, gender: 6, sizeRange: 12, price: 10),
        .init(name: "Baby onesies", category: 8, gender: 9, sizeRange: 6, price: 2),
        .init(name: "Dresses & skirts", category: 7, gender: 1, sizeRange: 1, price: 8),
        .init(name: "Diapers", category: 10, gender: 10, sizeRange: 16, price: 4, inShop: true),
        .init(name: "Soap", category: 10, gender: 10, sizeRange: 19, price: 1, inShop: true),
        .init(name: "Blankets", category: 20, gender: 10, sizeRange: 26, price: 6),
        .init(
            name: "Tents", category: 20, gender: 10, sizeRange: 27, price: 40, comment: "Check poles before handing out"
        ),
        .init(name: "Toys", category: 14, gender: 10, sizeRange: 4, price: 2),
        .init(name: "Notebooks & pens", category: 18, gender: 10, sizeRange: 20, price: 1),
        .init(name: "Rice", category: 11, gender: 10, sizeRange: 28, price: 3, comment: "Stored in base unit kg"),
        .init(name: "Lentils", category: 11, gender: 10, sizeRange: 28, price: 3),
        .init(name: "Cooking oil", category: 11, gender: 10, sizeRange: 29, price: 4),
        .init(name: "Drinking water", category: 19, gender: 10, sizeRange: 29, price: 0),
        .init(name: "Child clothes", category: 12, gender: 6, sizeRange: 8, price: 5, isDeleted: true),
        .init(
            name: "Misc. donations", category: 9, gender: 10, sizeRange: 4, price: 0, comment: "Unsorted",
            isDeleted: true),
    ]

    /// Version-2 catalogue entries (indices into `standardV2`) each base enables; the last one is
    /// disabled again (deleted instantiation).
    static func enabledStandardProducts(base: Int) -> [Int] {
        (0..<8).map { (base * 3 + $0 * 4) % standardV2.count }
    }

    /// Base 1 still uses two version-1 products (one superseded, one deprecated without successor).
    static func outdatedStandardProducts(base: Int) -> [Int] { base == 1 ? [2, 19] : [] }

    struct Tag {
        let label: String
        let color: String
        let type: String
        let description: String
        var isDeleted = false
    }

    static let tags: [Tag] = [
        .init(label: "Winter", color: "#1e88e5", type: "Stock", description: "Warm clothes for the cold months"),
        .init(label: "Summer", color: "#fdd835", type: "Stock", description: "Light clothes"),
        .init(label: "Damaged", color: "#e53935", type: "Stock", description: "Needs repair or sorting"),
        .init(label: "Urgent", color: "#8e24aa", type: "All", description: "Handle first"),
        .init(label: "Family with baby", color: "#43a047", type: "People", description: "At least one child under 2"),
        .init(label: "Vulnerable", color: "#fb8c00", type: "People", description: "Needs extra support"),
        .init(
            label: "Old season", color: "#757575", type: "Stock", description: "Last year's sorting", isDeleted: true),
    ]
    static let boxTagIndices = [0, 1, 2, 3]
    static let peopleTagIndices = [3, 4, 5]
    static let deletedTagIndex = 6

    static func tagId(base: Int, index: Int) -> Int { (base - 1) * tags.count + index + 1 }

    // MARK: Texts

    static let boxComments = [
        "Sorted and checked", "Mixed sizes inside", "From the school donation drive", "Needs re-sorting",
        "Check for stains", "Top shelf", "Handle with care", "Donated by the parish", "Bottom of the stack",
        "Counted twice", "Labels in Greek", "Good condition",
    ]

    static let firstNamesFemale = [
        "Amina", "Fatima", "Leila", "Sara", "Mariam", "Hana", "Noor", "Zainab", "Aisha", "Rania", "Dilan", "Shirin",
        "Yasmin", "Lina", "Grace", "Esther",
    ]
    static let firstNamesMale = [
        "Ahmad", "Omar", "Yusuf", "Karim", "Ali", "Hassan", "Bilal", "Samir", "Rojin", "Dawit", "Idris", "Tariq",
        "Musa", "Farid", "Joseph", "Elias",
    ]
    static let lastNames = [
        "Haddad", "Rahimi", "Khalil", "Barzani", "Osman", "Nasser", "Sabry", "Ahmadi", "Karimi", "Tesfaye", "Mansour",
        "Hussein", "Darwish", "Jaber", "Qasimi", "Bakr", "Yilmaz", "Mahmoud", "Abdi", "Farah",
    ]
    static let peopleComments = [
        "Prefers Arabic", "Arrived with the last boat", "Needs a wheelchair", "Works in the warehouse on Mondays",
        "Asked for baby formula", "Moved from another camp",
    ]
}
