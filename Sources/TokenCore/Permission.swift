/// What a database token may do with a database.
public enum Action: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case read
    case write

    public static func < (lhs: Action, rhs: Action) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// The database a permission applies to: one database by name, or `*` for every database.
public enum Resource: Sendable, Hashable, CustomStringConvertible {
    /// `*`: every database, including ones created later.
    case all
    /// One database, by its case-sensitive name.
    case database(String)

    /// The wildcard text, `*`.
    public static let wildcard = "*"

    /// `*` becomes `.all`; any other text names a database.
    public init(_ text: String) {
        self = text == Self.wildcard ? .all : .database(text)
    }

    /// `*` or the database name, as the API and the CLI write it.
    public var rawValue: String {
        switch self {
        case .all: Self.wildcard
        case .database(let name): name
        }
    }

    public var description: String { rawValue }

    /// Whether this resource covers the database called `name`.
    public func covers(database name: String) -> Bool {
        switch self {
        case .all: true
        case .database(let granted): granted == name
        }
    }
}

/// One grant: an action on a resource. A token holds a list of these.
public struct Permission: Sendable, Hashable, CustomStringConvertible {
    public var action: Action
    public var resource: Resource

    public init(action: Action, resource: Resource) {
        self.action = action
        self.resource = resource
    }

    /// Whether this grant allows `action` on the database called `database`.
    /// Actions are independent: write does not imply read.
    public func allows(_ action: Action, on database: String) -> Bool {
        self.action == action && resource.covers(database: database)
    }

    public var description: String { "\(action):\(resource)" }
}
