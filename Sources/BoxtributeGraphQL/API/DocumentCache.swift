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
/// Only short documents are kept (the front-end's are under 3 KB), so a client sending large
/// distinct documents cannot fill memory with their syntax trees.
final class DocumentCache: Sendable {
    private let entries = Mutex<[String: PreparedDocument]>([:])
    private let capacity: Int
    private let maxDocumentBytes: Int

    init(capacity: Int = 1000, maxDocumentBytes: Int = 16 * 1024) {
        self.capacity = capacity
        self.maxDocumentBytes = maxDocumentBytes
    }

    func document<Failure: Error>(
        for query: String, prepare: () throws(Failure) -> PreparedDocument
    ) throws(Failure) -> PreparedDocument {
        if let cached = entries.withLock({ $0[query] }) { return cached }
        let prepared = try prepare()
        guard query.utf8.count <= maxDocumentBytes else { return prepared }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[query] = prepared
        }
        return prepared
    }
}
