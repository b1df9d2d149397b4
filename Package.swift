// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Tiendo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tiendo", targets: ["tiendo"]),
        .executable(name: "tiendo-serve", targets: ["tiendo-serve"]),
        .library(name: "SiteBuilder", targets: ["SiteBuilder"]),
        .library(name: "Indicators", targets: ["Indicators"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // mimalloc replaces the C library's malloc in the whole process (linked before libc): a build makes millions
        // of small allocations on all cores, and glibc's allocator was a sixth of its time.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(name: "CAtomicSwap"),
        .target(name: "CFuzzing"),
        .target(
            name: "Indicators",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SiteBuilder",
            dependencies: [
                "Ccmark",
                "CAtomicSwap",
                "Indicators",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Preview",
            dependencies: [
                "SiteBuilder",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "TiendoFuzz",
            dependencies: ["SiteBuilder", "CFuzzing"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TiendoOptions",
            dependencies: [
                "SiteBuilder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The preview server is a binary of its own, run by `tiendo serve`: FlyingFox brings Foundation's
        // networking, whose system libraries (curl and its dependencies) took 8 ms to load at every start.
        .executableTarget(
            name: "tiendo",
            dependencies: [
                "SiteBuilder",
                "TiendoOptions",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tiendo-serve",
            dependencies: [
                "Preview",
                "TiendoOptions",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IndicatorsTests",
            dependencies: ["Indicators"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SiteBuilderTests",
            dependencies: [
                "SiteBuilder",
                "Indicators",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TiendoCLITests",
            dependencies: ["tiendo", "tiendo-serve"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
