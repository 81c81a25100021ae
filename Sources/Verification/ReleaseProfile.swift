import InfluxctlModel
import SimulatedCluster

/// Maps an influxctl release's documented behaviour onto the simulated cluster's settings:
/// the one place both `docverify check` and `docverify-serve` take it from.
public enum ReleaseProfile {
    /// A cluster that behaves as the release documents (token updates), with this seed and
    /// these sync delays.
    public static func clusterConfiguration(for behaviour: ReleaseBehaviour, seed: UInt64,
                                            syncDelay: ClosedRange<Duration> = ClusterConfiguration.documentedSyncDelay) -> ClusterConfiguration {
        var configuration = ClusterConfiguration(seed: seed, syncDelay: syncDelay)
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
