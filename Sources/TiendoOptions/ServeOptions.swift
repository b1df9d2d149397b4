public import ArgumentParser
import Foundation
public import SiteBuilder

/// Where `tiendo serve` listens; `tiendo` checks them, `tiendo-serve` uses them.
public struct ServeOptions: ParsableArguments {
    @Option(help: "The port (0 picks a free one).")
    public var port: Int = 8080

    @Option(help: "The address to listen on; other machines can reach the preview only if it is not 127.0.0.1.")
    public var host: String = "127.0.0.1"

    public init() {}

    public func check(_ language: Language) throws {
        let vi = language == .vi
        guard (0...65535).contains(port) else {
            throw ValidationError(vi ? "--port phải từ 0 đến 65535" : "--port must be between 0 and 65535")
        }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else {
            throw ValidationError(vi ? "--host phải là một địa chỉ IPv4, ví dụ 127.0.0.1"
                                     : "--host must be an IPv4 address such as 127.0.0.1")
        }
    }

    /// What `tiendo serve` says, and how it is described in both binaries' help.
    public static let abstract = "Preview the site: build it in memory, serve it, rebuild on every save."
    public static let discussion = """
        Serves the site at http://HOST:PORT/ and watches Content/ and Templates/: a save rebuilds what \
        changed and reloads open pages. Content errors are shown in the page, with file, line and column, \
        while the last good build stays served. Nothing is written to the output folder.
        """
}
