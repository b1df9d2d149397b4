import Testing
@testable import SiteBuilder

/// The shortcuts that hash several values at once give the digest of the values hashed one by one.
@Suite struct StableHasherTests {
    @Test func sevenNumbersHashAsSevenInts() {
        let numbers: [Int64] = [2049, 1_234_567, 4096, 1_795_740_709, 999_999_999, -1, Int64.max]
        var one = StableHasher()
        for number in numbers { one.combine(Int(number)) }
        var seven = StableHasher()
        seven.combine(seven: (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6]))
        #expect(one.finalize() == seven.finalize())
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, modifiedNanoseconds: 5, changed: 6,
                              changedNanoseconds: 7)
        var fromStamp = StableHasher()
        stamp.combine(into: &fromStamp)
        var fromNumbers = StableHasher()
        for number in stamp.numbers { fromNumbers.combine(Int(number)) }
        #expect(fromStamp.finalize() == fromNumbers.finalize())
    }
}
