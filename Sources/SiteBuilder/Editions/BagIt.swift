import Foundation

/// A BagIt bag (RFC 8493), the packaging national libraries accept: `bagit.txt`, `bag-info.txt`, the payload under
/// `data/`, `manifest-sha256.txt` (one line per payload file: digest, two spaces, path) and
/// `tagmanifest-sha256.txt` (the same for the tag files). Everything is sorted and dated from its input, so the
/// same payload and info give the same bytes.
struct BagIt {
    static let declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

    /// Payload files by path below `data/`.
    var payload: [String: Data]
    /// `bag-info.txt` labels and values, in order.
    var info: [(String, String)]

    /// Every file of the bag by its path in the bag.
    func files() -> [String: Data] {
        var files: [String: Data] = [:]
        var manifest = ""
        for (path, data) in payload.sorted(by: { $0.key < $1.key }) {
            files["data/" + path] = data
            manifest += StableHasher.digest(data) + "  data/" + Self.encode(path) + "\n"
        }
        let octets = payload.values.reduce(0) { $0 + $1.count }
        let infoText = (info + [("Payload-Oxum", "\(octets).\(payload.count)")])
            .map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
        let tags: [(String, Data)] = [("bag-info.txt", Data(infoText.utf8)), ("bagit.txt", Data(Self.declaration.utf8)),
                                      ("manifest-sha256.txt", Data(manifest.utf8))]
        var tagManifest = ""
        for (name, data) in tags {
            files[name] = data
            tagManifest += StableHasher.digest(data) + "  " + name + "\n"
        }
        files["tagmanifest-sha256.txt"] = Data(tagManifest.utf8)
        return files
    }

    /// RFC 8493 §2.1.3: a CR, LF or `%` in a path is percent-encoded in manifests.
    static func encode(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A")
            .replacingOccurrences(of: "\r", with: "%0D")
    }

    static func decode(_ path: String) -> String {
        path.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// Reads and verifies the bag in `folder`: the declaration, both manifests, every listed file present with its
    /// digest, no file that is not listed. Returns the payload and the info, or every problem found.
    static func verify(_ folder: URL, displayPath: String) -> Result<(payload: [String: Data], info: [String: String]),
                                                                  BuildFailure> {
        var problems: [Diagnostic] = []
        func problem(_ path: String, _ vi: String, _ en: String) {
            problems.append(Diagnostic(path: displayPath + "/" + path, vi, en: en))
        }
        let found = FileSystem.regularFiles(below: folder)
        var read: [String: Data] = [:]
        for path in found { read[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }
        if read["bagit.txt"].map({ String(decoding: $0, as: UTF8.self) }) != declaration {
            problem("bagit.txt", "thiếu hoặc sai tệp khai báo BagIt", "the BagIt declaration is missing or wrong")
        }
        var listed: Set<String> = ["tagmanifest-sha256.txt"]
        for manifest in ["tagmanifest-sha256.txt", "manifest-sha256.txt"] {
            guard let data = read[manifest] else {
                problem(manifest, "thiếu tệp danh sách kiểm tra", "the checksum manifest is missing")
                continue
            }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[1].hasPrefix(" ") else {
                    problem(manifest, "dòng không đúng dạng: \(CleanText.excerpt(String(line)))",
                            "a malformed line: \(CleanText.excerpt(String(line)))")
                    continue
                }
                let path = decode(String(parts[1].dropFirst()))
                listed.insert(path)
                guard let bytes = read[path] else {
                    problem(path, "tệp có trong danh sách kiểm tra nhưng không còn trong bản lưu trữ",
                            "listed in \(manifest) but missing from the edition")
                    continue
                }
                if StableHasher.digest(bytes) != parts[0] {
                    problem(path, "tệp đã bị thay đổi: mã kiểm tra SHA-256 không khớp với \(manifest)",
                            "the file was changed: its SHA-256 does not match \(manifest)")
                }
            }
        }
        for path in found.sorted() where !listed.contains(path) {
            problem(path, "tệp thừa, không có trong danh sách kiểm tra của bản lưu trữ",
                    "an extra file that no manifest of the edition lists")
        }
        guard problems.isEmpty else { return .failure(BuildFailure(diagnostics: problems)) }
        var payload: [String: Data] = [:]
        for (path, data) in read where path.hasPrefix("data/") { payload[String(path.dropFirst(5))] = data }
        var info: [String: String] = [:]
        for line in String(decoding: read["bag-info.txt"] ?? Data(), as: UTF8.self).split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") {
                info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return .success((payload, info))
    }
}
