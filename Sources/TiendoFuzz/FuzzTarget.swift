import CFuzzing
import Foundation
import SiteBuilder

/// A libFuzzer target per loader, and a replayer for saved inputs.
///
/// Built with `-sanitize=fuzzer,address -DTIENDO_LIBFUZZER` (see fuzz/run.sh), it fuzzes the loader named by
/// TIENDO_FUZZ_LOADER (front-matter, definition, site-config, csv, markdown) and aborts on a crash or on an error
/// without a location. In an ordinary build, `TiendoFuzz LOADER FILE...` runs saved inputs through a loader.
@main
struct FuzzTarget {
    nonisolated(unsafe) static var loader = LoaderFuzzing.Loader.frontMatter

    static func main() {
        #if TIENDO_LIBFUZZER
        let name = ProcessInfo.processInfo.environment["TIENDO_FUZZ_LOADER"] ?? ""
        guard let chosen = LoaderFuzzing.Loader(rawValue: name) else {
            print("set TIENDO_FUZZ_LOADER to one of: \(LoaderFuzzing.Loader.allCases.map(\.rawValue))")
            exit(2)
        }
        loader = chosen
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
            let diagnostics = LoaderFuzzing.run(FuzzTarget.loader, bytes)
            if !LoaderFuzzing.isLocated(diagnostics) {
                print("unlocated diagnostic: \(diagnostics)")
                abort()
            }
            return 0
        })
        #else
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let loader = LoaderFuzzing.Loader(rawValue: name) else {
            print("usage: TiendoFuzz LOADER FILE... (LOADER: \(LoaderFuzzing.Loader.allCases.map(\.rawValue)))")
            exit(2)
        }
        for path in arguments.dropFirst() {
            let diagnostics = LoaderFuzzing.run(loader, FileManager.default.contents(atPath: path) ?? Data())
            print("\(path): \(diagnostics.count) diagnostics, located: \(LoaderFuzzing.isLocated(diagnostics))")
        }
        #endif
    }
}
