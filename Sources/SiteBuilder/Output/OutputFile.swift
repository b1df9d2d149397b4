public import Foundation

/// One file of the generated site, with the inputs it was made from (for incremental rebuilds).
public struct OutputFile: Sendable, Hashable {
    /// Path relative to the output folder, with `/` separators.
    public var path: String
    public var data: Data
    /// Input files (relative to the project root) this file's bytes depend on.
    public var inputs: [String]

    public init(path: String, data: Data, inputs: [String]) {
        self.path = path
        self.data = data
        self.inputs = inputs.sorted()
    }

    public init(path: String, text: String, inputs: [String]) {
        self.init(path: path, data: Data(text.utf8), inputs: inputs)
    }
}
