import InfluxctlModel
import SimulatedCluster

/// Maps an influxctl release's documented behaviour onto the simulated cluster's settings.
enum ReleaseProfile {
    static func clusterConfiguration(for behaviour: ReleaseBehaviour, seed: UInt64) -> ClusterConfiguration {
        var configuration = ClusterConfiguration(seed: seed)
        configuration.tokenUpdate = switch behaviour.tokenUpdate {
        case .none: .none
        case .descriptionOnly: .descriptionOnly
        case .descriptionAndPermissions: .descriptionAndPermissions
        }
        return configuration
    }

    static func outputStyle(for behaviour: ReleaseBehaviour) -> TokenCreateOutputStyle {
        switch behaviour.tokenCreateOutput {
        case .idAndString: .idAndString
        case .warningsAndString: .warningsAndString
        case .detailsTableWarningsAndString: .detailsTableWarningsAndString
        }
    }
}
