import ArgumentParser
import Foundation
import Preview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it in memory, serve it, rebuild on every save.",
        discussion: """
            Serves the site at http://HOST:PORT/ and watches Content/ and Templates/: a save rebuilds what \
            changed and reloads open pages. Content errors are shown in the page, with file, line and column, \
            while the last good build stays served. Nothing is written to the output folder.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The port (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "The address to listen on; other machines can reach the preview only if it is not 127.0.0.1.")
    var host: String = "127.0.0.1"

    func validate() throws {
        let vi = project.lang == .vi
        guard (0...65535).contains(port) else {
            throw ValidationError(vi ? "--port phải từ 0 đến 65535" : "--port must be between 0 and 65535")
        }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else {
            throw ValidationError(vi ? "--host phải là một địa chỉ IPv4, ví dụ 127.0.0.1"
                                     : "--host must be an IPv4 address such as 127.0.0.1")
        }
    }

    func run() async throws {
        let server = PreviewServer(paths: project.paths(), host: host, port: UInt16(port), language: project.lang)
        try await server.run { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
