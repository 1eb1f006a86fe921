import BoxtributeDatabase
import BoxtributeDomain

/// ``DistributionRepository`` in SQL (`distro_events`, packing lists, tracking).
struct SQLDistributionRepository: DistributionRepository {
    let db: any SQLQuerying
}
