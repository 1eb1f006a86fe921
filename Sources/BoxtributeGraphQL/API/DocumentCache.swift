import GraphQL
import Synchronization

/// A parsed and validated document, immutable once cached.
final class PreparedDocument: @unchecked Sendable {
    let document: Document
    let validationErrors: [GraphQLError]
    /// Bytes of the last response to this document: the next response's buffer starts that
    /// large instead of growing (and copying) several times.
    let lastResponseSize = Atomic<Int>(0)

    /// Field plans, unless selections depend on variables (`@skip`/`@include` appear in the text).
    let fieldPlans: FieldPlans?

    init(document: Document, validationErrors: [GraphQLError], text: String) {
        self.document = document
        self.validationErrors = validationErrors
        fieldPlans = text.contains("@skip") || text.contains("@include") ? nil : FieldPlans()
    }
}

/// Parsed, validated documents keyed by query text. Bounded: when full it starts afresh,
/// which keeps the hot set (the front-end's ~130 operations) cached without bookkeeping.
final class DocumentCache: Sendable {
    private let entries = Mutex<[String: PreparedDocument]>([:])
    private let capacity: Int

    init(capacity: Int = 1000) { self.capacity = capacity }

    func document(for query: String, prepare: () throws -> PreparedDocument) rethrows -> PreparedDocument {
        if let cached = entries.withLock({ $0[query] }) { return cached }
        let prepared = try prepare()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[query] = prepared
        }
        return prepared
    }
}
